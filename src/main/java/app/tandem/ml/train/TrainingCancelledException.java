package app.tandem.ml.train;

/** A training run stopped because it was asked to; nothing was saved or promoted. */
public final class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException() {
        super("Training cancelled; the current model is unchanged");
    }
}
