package app.tandem.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import app.tandem.ml.bert.BertSentenceEncoder;
import org.junit.jupiter.api.Test;

/** The two losses of {@link FineTuningObjective}, on hand-made logits and vectors. */
class FineTuningLossesTest {

    @Test
    void labelSmoothingPenalisesCertaintyAndIsPlainCrossEntropyAtZero() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), BertSentenceEncoder.ENGINE)) {
            NDArray logits = m.create(new float[] {8f, 0f, 0f, 0f, 2f, 0f}, new Shape(2, 3));
            NDArray target = m.create(new long[] {0, 1});
            double plain = -(Math.log(Math.exp(8) / (Math.exp(8) + 2)) + Math.log(Math.exp(2) / (Math.exp(2) + 2))) / 2;
            assertEquals(plain, LabelSmoothedCrossEntropy.loss(logits, target, 0f).getFloat(), 1e-4);
            // The first row is right and very sure of itself: smoothing must cost it more than plain cross-entropy.
            NDArray sure = m.create(new float[] {8f, 0f, 0f}, new Shape(1, 3));
            NDArray first = m.create(new long[] {0});
            assertTrue(LabelSmoothedCrossEntropy.loss(sure, first, 0.1f).getFloat()
                    > LabelSmoothedCrossEntropy.loss(sure, first, 0f).getFloat() + 0.1);
        }
    }

    @Test
    void contrastiveLossRewardsSameIntentNeighboursAndIgnoresLoneAnchors() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), BertSentenceEncoder.ENGINE)) {
            // rows 0 and 1 share an intent; row 2 is alone in its intent and must not count
            NDArray together = m.create(new float[] {1f, 0f, 1f, 0f, 0f, 1f}, new Shape(3, 2));
            NDArray apart = m.create(new float[] {1f, 0f, 0f, 1f, 1f, 0f}, new Shape(3, 2));
            long[] y = {0, 0, 1};
            float near = SupervisedContrastiveLoss.loss(together, y, m).getFloat();
            float far = SupervisedContrastiveLoss.loss(apart, y, m).getFloat();
            assertTrue(near < 1e-3, "same-intent sentences that coincide cost nothing, got " + near);
            assertTrue(far > 1f, "same-intent sentences far apart must cost, got " + far);
            assertEquals(0f, SupervisedContrastiveLoss.loss(together, new long[] {0, 1, 2}, m).getFloat(), 0f,
                    "without positives no anchor counts");
        }
    }
}
