package app.tandem.ml.bench;

import java.util.List;

/**
 * What {@link EncoderBenchmark} measures.
 *
 * @param modelIds   catalog ids to measure, in order
 * @param threads    intra-op threads for both runtimes (the same for a fair ratio)
 * @param warmup     untimed single-sentence runs before timing
 * @param singles    timed single-sentence runs (p50/p99 over these)
 * @param sentences  sentences in the throughput run
 * @param batchSize  sentences per batch in the throughput run
 */
public record BenchOptions(List<String> modelIds, int threads, int warmup, int singles, int sentences, int batchSize) {

    public BenchOptions {
        modelIds = List.copyOf(modelIds);
        if (threads < 1 || warmup < 0 || singles < 1 || sentences < 1 || batchSize < 1) {
            throw new IllegalArgumentException("benchmark counts must be positive");
        }
    }

    public static BenchOptions defaults() {
        return new BenchOptions(List.of("all-minilm-l6-v2", "bge-small-en-v1.5", "bge-small-zh-v1.5"),
                Runtime.getRuntime().availableProcessors(), 50, 300, 512, 32);
    }
}
