package app.tandem.ml.train;

import app.tandem.ml.bert.LengthGroups;
import app.tandem.ml.bert.TokenBatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The training set's (sentence, intent) pairs cut into token batches, a new order every epoch: shuffle,
 * sort windows of 50 batches by length, cut, shuffle the batches. Padding stays small and every epoch still
 * sees a new order; the seed fixes the whole sequence of epochs.
 */
final class LabelledBatches {

    private static final int WINDOW_BATCHES = 50;

    /** One step's sentences and their intents, row for row. */
    record Batch(TokenBatch tokens, long[] labels) {}

    private final List<long[]> ids;
    private final int[] labels;
    private final int batchSize;
    private final Random random;

    /** {@code ids} the token ids of the training sentences, {@code labels} their intents. */
    LabelledBatches(List<long[]> ids, int[] labels, int batchSize, long seed) {
        this.ids = ids;
        this.labels = labels;
        this.batchSize = batchSize;
        this.random = new Random(seed);
    }

    int perEpoch() {
        return (ids.size() + batchSize - 1) / batchSize;
    }

    /** The next epoch's batches. */
    List<Batch> nextEpoch() {
        List<Batch> out = new ArrayList<>();
        for (int[] indices : order(ids, batchSize, random)) {
            long[] y = new long[indices.length];
            for (int i = 0; i < indices.length; i++) {
                y[i] = labels[indices[i]];
            }
            out.add(new Batch(new TokenBatch(LengthGroups.rows(ids, indices)), y));
        }
        return out;
    }

    /** One epoch's batches as indices into {@code ids}. */
    static List<int[]> order(List<long[]> ids, int batchSize, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int window = batchSize * WINDOW_BATCHES;
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < order.size(); start += window) {
            List<Integer> w = order.subList(start, Math.min(order.size(), start + window));
            List<long[]> rows = new ArrayList<>(w.size());
            for (int i : w) {
                rows.add(ids.get(i));
            }
            for (int[] group : LengthGroups.of(rows, batchSize)) {
                int[] batch = new int[group.length];
                for (int k = 0; k < group.length; k++) {
                    batch[k] = w.get(group[k]);
                }
                out.add(batch);
            }
        }
        Collections.shuffle(out, random);
        return out;
    }
}
