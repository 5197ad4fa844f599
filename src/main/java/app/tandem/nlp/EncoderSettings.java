package app.tandem.nlp;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * How {@link EncoderService} is set up.
 *
 * @param modelFor          catalog id of the encoder for each language
 * @param inferenceThreads  threads that run encoders (each keeps one predictor per model)
 * @param intraOpThreads    threads PyTorch uses inside one operation; inference threads x intra-op
 *                          threads should not exceed the cores given to inference
 * @param maxBatch          most sentences run through the model at once
 * @param trainedRoot       folder with fine-tuned weights ({@code <root>/<modelId>/encoder.params}); when
 *                          present they replace the imported ones
 * @param useGpu            use the first GPU when the engine reports one
 */
public record EncoderSettings(
        Map<Language, String> modelFor, int inferenceThreads, int intraOpThreads, int maxBatch,
        Optional<Path> trainedRoot, boolean useGpu) {

    /**
     * English routes to all-MiniLM-L6-v2, Chinese to bge-small-zh-v1.5. MiniLM over bge-small-en-v1.5,
     * measured (docs/decisions/0002-sentence-encoders.md): on bank FAQ question-to-answer retrieval it
     * is as good or better (top-1 0.464 vs 0.448, MRR@10 0.573 vs 0.557), it has half the layers, so
     * half the latency and twice the throughput on our runtime, and its fp32 weights reproduce the
     * reference exactly where bge-small-en is an int8 approximation. bge-small-en stays in the catalog.
     */
    public static final Map<Language, String> DEFAULT_ROUTING =
            Map.of(Language.EN, "all-minilm-l6-v2", Language.ZH, "bge-small-zh-v1.5");

    public EncoderSettings {
        modelFor = Map.copyOf(modelFor);
        if (inferenceThreads < 1 || intraOpThreads < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("thread counts and batch size must be positive");
        }
    }

    /** System property that overrides the intra-op thread count of {@link #defaults}, for measurements. */
    public static final String INTRA_OP_THREADS_PROPERTY = "tandem.intraOpThreads";

    /**
     * Defaults for a desk machine: one inference thread (the lowest latency per request; bulk jobs still
     * batch) whose operations use every core but one. The core left over is the JavaFX thread's and the
     * renderer's: with every core inside PyTorch while a suggestion is computed, the desk missed frames
     * on 2 cores, and one intra-op thread also has the shorter tail (README, bench suggest).
     */
    public static EncoderSettings defaults(Optional<Path> trainedRoot) {
        int cores = Runtime.getRuntime().availableProcessors();
        int intraOp = Integer.getInteger(INTRA_OP_THREADS_PROPERTY, Math.max(1, cores - 1));
        return new EncoderSettings(DEFAULT_ROUTING, 1, intraOp, 32, trainedRoot, true);
    }

    public EncoderSettings withModelFor(Map<Language, String> routing) {
        return new EncoderSettings(routing, inferenceThreads, intraOpThreads, maxBatch, trainedRoot, useGpu);
    }

    public EncoderSettings withInferenceThreads(int threads) {
        return new EncoderSettings(modelFor, threads, intraOpThreads, maxBatch, trainedRoot, useGpu);
    }
}
