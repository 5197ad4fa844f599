package app.tandem.ml.train;

import java.util.function.Consumer;

/**
 * The hyper-parameters of one {@link EncoderFineTuner} run.
 *
 * @param epochs              passes over the training set
 * @param batchSize           sentences per step
 * @param learningRate        peak AdamW learning rate
 * @param weightDecay         AdamW decoupled weight decay
 * @param warmupFraction      share of the steps spent warming the learning rate up
 * @param freezeEmbeddings    keep the word-piece embeddings fixed (11.7M of MiniLM's 22.7M parameters:
 *                            much cheaper optimizer steps, and rare words keep their meaning)
 * @param trainLastLayers     train only the top N transformer layers (0: all)
 * @param evaluationsPerEpoch validation points per epoch (the best one is kept)
 * @param contrastiveWeight   weight of the in-batch supervised contrastive loss (0: off)
 * @param labelSmoothing      share of the target spread evenly over all intents (0: plain cross-entropy);
 *                            keeps the head from becoming over-confident on near-duplicate intents
 * @param averageDecay        decay of an exponential moving average of the weights, evaluated beside the raw
 *                            weights at every validation point (0: off; see {@link WeightAverage})
 * @param seed                shuffling seed
 * @param useGpu              use the GPU when the engine sees one
 */
public record FineTuningSettings(int epochs, int batchSize, float learningRate, float weightDecay,
        float warmupFraction, boolean freezeEmbeddings, int trainLastLayers, int evaluationsPerEpoch,
        float contrastiveWeight, float labelSmoothing, float averageDecay, long seed, boolean useGpu) {

    public static FineTuningSettings defaults() {
        return new FineTuningSettings(2, 32, 1e-4f, 0.01f, 0.06f, true, 0, 2, 0f, 0f, 0f, 11, true);
    }

    public FineTuningSettings withEpochs(int e) {
        return with(b -> b.epochs = e);
    }

    public FineTuningSettings withBatchSize(int size) {
        return with(b -> b.batchSize = size);
    }

    public FineTuningSettings withLearningRate(float lr) {
        return with(b -> b.learningRate = lr);
    }

    public FineTuningSettings withContrastiveWeight(float w) {
        return with(b -> b.contrastiveWeight = w);
    }

    public FineTuningSettings withTrainLastLayers(int n) {
        return with(b -> b.trainLastLayers = n);
    }

    public FineTuningSettings withEvaluationsPerEpoch(int n) {
        return with(b -> b.evaluationsPerEpoch = n);
    }

    public FineTuningSettings withLabelSmoothing(float e) {
        return with(b -> b.labelSmoothing = e);
    }

    public FineTuningSettings withAverageDecay(float d) {
        return with(b -> b.averageDecay = d);
    }

    public FineTuningSettings onCpu() {
        return with(b -> b.useGpu = false);
    }

    public FineTuningSettings withSeed(long shuffling) {
        return with(b -> b.seed = shuffling);
    }

    /** A copy with one change: each setting is named once here, not in every "with" method. */
    private FineTuningSettings with(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return c.build();
    }

    /** The mutable copy behind the "with" methods. */
    private static final class Copy {
        int epochs;
        int batchSize;
        float learningRate;
        float weightDecay;
        float warmupFraction;
        boolean freezeEmbeddings;
        int trainLastLayers;
        int evaluationsPerEpoch;
        float contrastiveWeight;
        float labelSmoothing;
        float averageDecay;
        long seed;
        boolean useGpu;

        Copy(FineTuningSettings s) {
            epochs = s.epochs();
            batchSize = s.batchSize();
            learningRate = s.learningRate();
            weightDecay = s.weightDecay();
            warmupFraction = s.warmupFraction();
            freezeEmbeddings = s.freezeEmbeddings();
            trainLastLayers = s.trainLastLayers();
            evaluationsPerEpoch = s.evaluationsPerEpoch();
            contrastiveWeight = s.contrastiveWeight();
            labelSmoothing = s.labelSmoothing();
            averageDecay = s.averageDecay();
            seed = s.seed();
            useGpu = s.useGpu();
        }

        FineTuningSettings build() {
            return new FineTuningSettings(epochs, batchSize, learningRate, weightDecay, warmupFraction,
                    freezeEmbeddings, trainLastLayers, evaluationsPerEpoch, contrastiveWeight, labelSmoothing,
                    averageDecay, seed, useGpu);
        }
    }
}
