package app.tandem.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Supervised contrastive loss over in-batch negatives (temperature 0.05): each sentence should be
 * closer to the batch's other sentences of its intent than to the rest. Anchors without a positive
 * in the batch do not count.
 */
final class SupervisedContrastiveLoss {

    private static final float TEMPERATURE = 0.05f;

    private SupervisedContrastiveLoss() {}

    /** {@code vectors} (batch, dims) sentence vectors, {@code y} their intents; the masks are made in {@code m}. */
    static NDArray loss(NDArray vectors, long[] y, NDManager m) {
        int b = y.length;
        float[] positive = new float[b * b];
        float[] diagonal = new float[b * b];
        float[] hasPositive = new float[b];
        for (int i = 0; i < b; i++) {
            diagonal[i * b + i] = -1e4f;
            for (int j = 0; j < b; j++) {
                if (i != j && y[i] == y[j]) {
                    positive[i * b + j] = 1f;
                    hasPositive[i] = 1f;
                }
            }
        }
        NDArray sim = vectors.matMul(vectors.transpose()).div(TEMPERATURE).add(m.create(diagonal, new Shape(b, b)));
        NDArray logProb = sim.logSoftmax(1);
        NDArray pos = m.create(positive, new Shape(b, b));
        NDArray perAnchor = logProb.mul(pos).sum(new int[] {1}).div(pos.sum(new int[] {1}).maximum(1f)).neg();
        NDArray anchors = m.create(hasPositive);
        return perAnchor.mul(anchors).sum().div(anchors.sum().maximum(1f));
    }
}
