package app.tandem.ml.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/**
 * An exponential moving average of a block's trainable weights (Polyak averaging), kept beside the
 * weights the optimizer moves. Late in fine-tuning the raw weights jitter around a minimum; their
 * average usually sits nearer its centre and generalises a little better. The decay warms up as
 * {@code (1 + n) / (10 + n)} so that the first updates are not dominated by the starting weights.
 *
 * <p>Not thread-safe: call from the training loop, between optimizer steps.
 */
final class WeightAverage implements AutoCloseable {

    private final NDManager manager;
    private final List<Parameter> parameters = new ArrayList<>();
    private final List<NDArray> average = new ArrayList<>();
    private final float decay;
    private long updates;
    private List<NDArray> swappedOut = List.of();

    /** Starts the average at the block's current trainable weights. */
    WeightAverage(Block block, float decay) {
        if (!(decay > 0f && decay < 1f)) {
            throw new IllegalArgumentException("weight average decay must be in (0, 1), was " + decay);
        }
        this.decay = decay;
        NDManager owner = null;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray w = p.getValue().getArray();
                if (owner == null) {
                    owner = w.getManager().newSubManager();
                }
                parameters.add(p.getValue());
                average.add(copy(w, owner));
            }
        }
        if (owner == null) {
            throw new IllegalArgumentException("the block has no trainable weights to average");
        }
        this.manager = owner;
    }

    /** Folds the current weights into the average; call after each optimizer step. */
    void update() {
        updates++;
        float d = Math.min(decay, (1f + updates) / (10f + updates));
        for (int i = 0; i < parameters.size(); i++) {
            NDArray avg = average.get(i);
            avg.muli(d);
            try (NDArray share = parameters.get(i).getArray().mul(1f - d)) {
                avg.addi(share);
            }
        }
    }

    /** Puts the averaged weights into the block (e.g. to evaluate or save them) until {@link #swapOut()}. */
    void swapIn() {
        if (!swappedOut.isEmpty()) {
            throw new IllegalStateException("the averaged weights are already in the block");
        }
        List<NDArray> saved = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i).getArray();
            saved.add(copy(w, manager));
            average.get(i).copyTo(w);
        }
        swappedOut = saved;
    }

    /** Restores the weights the optimizer was training. */
    void swapOut() {
        for (int i = 0; i < swappedOut.size(); i++) {
            swappedOut.get(i).copyTo(parameters.get(i).getArray());
            swappedOut.get(i).close();
        }
        swappedOut = List.of();
    }

    private static NDArray copy(NDArray w, NDManager owner) {
        NDArray c = w.duplicate();
        c.attach(owner);
        return c;
    }

    @Override
    public void close() {
        manager.close();
    }
}
