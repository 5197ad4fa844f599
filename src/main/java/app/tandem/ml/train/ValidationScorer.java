package app.tandem.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import app.tandem.ml.bert.LengthGroups;
import app.tandem.ml.bert.TokenBatch;
import java.util.List;

/** Scores the model as it stands on the validation sentences and the extra (unlabelled) ones, without gradients. */
final class ValidationScorer {

    private static final int BATCH = 64;

    /**
     * @param loss               mean cross-entropy of the validation sentences (NaN without them)
     * @param accuracy           share of them whose top intent is right (NaN without them)
     * @param probabilities      their softmax rows
     * @param extraProbabilities softmax rows of the extra sentences
     */
    record Scores(double loss, double accuracy, float[][] probabilities, float[][] extraProbabilities) {}

    private final List<long[]> validationIds;
    private final int[] validationLabels;
    private final List<long[]> extraIds;

    ValidationScorer(List<long[]> validationIds, int[] validationLabels, List<long[]> extraIds) {
        this.validationIds = validationIds;
        this.validationLabels = validationLabels;
        this.extraIds = extraIds;
    }

    boolean hasValidation() {
        return !validationIds.isEmpty();
    }

    Scores score(Trainer trainer) {
        if (validationIds.isEmpty()) {
            return new Scores(Double.NaN, Double.NaN, new float[0][], probabilities(trainer, extraIds));
        }
        float[][] probs = probabilities(trainer, validationIds);
        double loss = 0;
        int right = 0;
        for (int i = 0; i < probs.length; i++) {
            loss -= Math.log(Math.max(1e-12, probs[i][validationLabels[i]]));
            if (LinearHead.argmax(probs[i]) == validationLabels[i]) {
                right++;
            }
        }
        return new Scores(loss / probs.length, (double) right / probs.length, probs, probabilities(trainer, extraIds));
    }

    /** Softmax rows for the given sentences, in their order. */
    private static float[][] probabilities(Trainer trainer, List<long[]> ids) {
        float[][] out = new float[ids.size()][];
        for (int[] group : LengthGroups.of(ids, BATCH)) {
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(new TokenBatch(LengthGroups.rows(ids, group)).pad(m)).get(0);
                NDArray p = logits.softmax(1);
                int classes = (int) p.getShape().get(1);
                float[] flat = p.toFloatArray();
                for (int i = 0; i < group.length; i++) {
                    float[] row = new float[classes];
                    System.arraycopy(flat, i * classes, row, 0, classes);
                    out[group[i]] = row;
                }
            }
        }
        return out;
    }
}
