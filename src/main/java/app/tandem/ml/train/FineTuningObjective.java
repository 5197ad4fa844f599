package app.tandem.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;

/**
 * What one fine-tuning step minimises: the intent cross-entropy (plain, or label-smoothed) plus,
 * when weighted in, the supervised contrastive loss on the sentence vectors.
 *
 * @param crossEntropy      the plain softmax cross-entropy (the trainer's loss)
 * @param labelSmoothing    see {@link FineTuningSettings#labelSmoothing()}; 0 uses {@code crossEntropy}
 * @param contrastiveWeight see {@link FineTuningSettings#contrastiveWeight()}; 0 leaves the term out
 */
record FineTuningObjective(Loss crossEntropy, float labelSmoothing, float contrastiveWeight) {

    static FineTuningObjective of(Loss crossEntropy, FineTuningSettings s) {
        return new FineTuningObjective(crossEntropy, s.labelSmoothing(), s.contrastiveWeight());
    }

    /**
     * The loss of one batch: {@code logits} (batch, intents) and {@code vectors} (batch, dims) from
     * {@link EncoderClassifierBlock}, {@code target} the intents as an array and {@code y} the same on the host.
     */
    NDArray loss(NDArray logits, NDArray vectors, NDArray target, long[] y, NDManager m) {
        NDArray loss = labelSmoothing > 0
                ? LabelSmoothedCrossEntropy.loss(logits, target, labelSmoothing)
                : crossEntropy.evaluate(new NDList(target), new NDList(logits));
        if (contrastiveWeight > 0) {
            loss = loss.add(SupervisedContrastiveLoss.loss(vectors, y, m).mul(contrastiveWeight));
        }
        return loss;
    }
}
