package app.tandem.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.Random;

/** The passes over cached vectors that the small heads (intent softmax, re-ranker logistic) share. */
final class MiniBatches {

    private final NDArray inputs;
    private final NDArray labels;
    private final int batchSize;
    private final int[] order;
    private final Random random;

    /** {@code inputs} (n, dims) and {@code labels} (n) live in the trainer's manager; {@code seed} fixes the shuffles. */
    MiniBatches(NDArray inputs, NDArray labels, int batchSize, long seed) {
        this.inputs = inputs;
        this.labels = labels;
        this.batchSize = batchSize;
        this.order = new int[Math.toIntExact(inputs.getShape().get(0))];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.random = new Random(seed);
    }

    /** One shuffled pass with a step per batch; returns the mean training loss. */
    double epoch(Trainer trainer) {
        shuffle();
        double lossSum = 0;
        try (NDManager sub = trainer.getManager().newSubManager()) {
            for (int start = 0; start < order.length; start += batchSize) {
                int end = Math.min(order.length, start + batchSize);
                long[] idx = new long[end - start];
                for (int i = start; i < end; i++) {
                    idx[i - start] = order[i];
                }
                NDArray index = sub.create(idx);
                NDArray batch = inputs.get(index);
                batch.attach(sub);
                NDArray batchLabels = labels.get(index);
                batchLabels.attach(sub);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray loss = trainer.getLoss().evaluate(new NDList(batchLabels), trainer.forward(new NDList(batch)));
                    collector.backward(loss);
                    lossSum += loss.getFloat() * (end - start);
                }
                trainer.step();
            }
        }
        return lossSum / order.length;
    }

    int batchesPerEpoch() {
        return (order.length + batchSize - 1) / batchSize;
    }

    /** The layer's weight and bias as plain arrays: the best epoch's copy, kept for early stopping. */
    static float[][] snapshot(Linear linear) {
        Parameter w = linear.getParameters().get("weight");
        Parameter b = linear.getParameters().get("bias");
        return new float[][] {w.getArray().toFloatArray(), b.getArray().toFloatArray()};
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
