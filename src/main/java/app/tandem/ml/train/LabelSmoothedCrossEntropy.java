package app.tandem.ml.train;

import ai.djl.ndarray.NDArray;

/**
 * Cross-entropy against a target that gives {@code 1 - epsilon} to the true intent and spreads
 * {@code epsilon} evenly over all intents (Szegedy et al. 2016), averaged over the batch.
 */
final class LabelSmoothedCrossEntropy {

    private LabelSmoothedCrossEntropy() {}

    /** {@code logits} (batch, intents), {@code target} (batch) intent indices. */
    static NDArray loss(NDArray logits, NDArray target, float epsilon) {
        int classes = (int) logits.getShape().get(1);
        NDArray soft = target.oneHot(classes).mul(1f - epsilon).add(epsilon / classes);
        return logits.logSoftmax(1).mul(soft).sum(new int[] {1}).mean().neg();
    }
}
