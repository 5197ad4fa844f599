package app.tandem.ml.train;

import java.util.List;

/**
 * Trains a yes/no {@link FeatureClassifier}: fits the standardisation on the training rows only
 * (validation rows must not leak their spread into it), then trains the head with DJL through
 * {@link LogisticTrainer} (AdamW, early stopping on the validation rows).
 */
public final class FeatureClassifierTrainer {

    /** The model, the epoch whose weights it kept and how many epochs ran (for the training report). */
    public record Trained(FeatureClassifier model, int bestEpoch, int epochs) {}

    private FeatureClassifierTrainer() {}

    /**
     * @param features    feature names, one per column of the rows
     * @param x           training rows (NaN = missing)
     * @param yes         label per training row
     * @param validationX rows for early stopping; may be empty (then the last epoch is kept)
     * @param validationY their labels
     * @param labels      the negative and then the positive class name
     */
    public static Trained train(List<String> features, double[][] x, boolean[] yes, double[][] validationX,
                                boolean[] validationY, List<String> labels, HeadTrainer.Settings settings) {
        Standardizer scaling = Standardizer.fit(x, features.size());
        LogisticTrainer.Result result = LogisticTrainer.train(scaling.apply(x), yes, scaling.apply(validationX), validationY,
                labels, settings);
        return new Trained(new FeatureClassifier(features, scaling, result.head()), result.bestEpoch(), result.epochs());
    }
}
