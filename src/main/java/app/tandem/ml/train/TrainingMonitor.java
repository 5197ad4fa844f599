package app.tandem.ml.train;

/**
 * What a training run reports while it runs, and how it learns that it should stop. Called on the
 * training thread; implementations hand over to the UI thread themselves.
 */
public interface TrainingMonitor {

    TrainingMonitor NONE = new TrainingMonitor() {};

    /** A phase's progress (encoding, epochs, evaluation); {@code total} may change between phases. */
    default void progress(TrainingPhase phase, long done, long total) {}

    /** One finished epoch (or, for fine-tuning, one evaluation point). */
    default void epoch(EpochStats stats) {}

    /** Read between steps: true stops the run, which then throws {@link TrainingCancelledException}. */
    default boolean cancelled() {
        return Thread.currentThread().isInterrupted();
    }

    /** Something worth showing to the person (a fallback to a smaller batch, say). */
    default void note(TrainingNote note) {}

    default void checkCancelled() {
        if (cancelled()) {
            throw new TrainingCancelledException();
        }
    }
}
