package app.tandem.ml.train;

/**
 * Something a training run did on its own that the person should know, as data: the UI says it in the
 * person's language, {@link #english()} says it for the command line, logs and the run's report.
 *
 * @param device    OUT_OF_MEMORY_SMALLER_BATCHES: the device that ran out ("gpu(0)", "cpu()"); otherwise ""
 * @param batchSize OUT_OF_MEMORY_SMALLER_BATCHES: the new batch size; otherwise 0
 */
public record TrainingNote(Kind kind, String device, int batchSize) {

    public enum Kind {
        /** Out of memory: retrying with half the batch. */
        OUT_OF_MEMORY_SMALLER_BATCHES,
        /** Out of memory on the GPU even with small batches: training on the CPU instead. */
        OUT_OF_MEMORY_ON_CPU
    }

    public static TrainingNote smallerBatches(String device, int batchSize) {
        return new TrainingNote(Kind.OUT_OF_MEMORY_SMALLER_BATCHES, device, batchSize);
    }

    public static TrainingNote onCpu() {
        return new TrainingNote(Kind.OUT_OF_MEMORY_ON_CPU, "", 0);
    }

    public String english() {
        return switch (kind) {
            case OUT_OF_MEMORY_SMALLER_BATCHES -> "Out of memory on " + device + ": retrying with batches of " + batchSize;
            case OUT_OF_MEMORY_ON_CPU -> "Out of memory on the GPU even with small batches: training on the CPU instead";
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
