package app.tandem.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Token ids of sentences to encode together, each already truncated and wrapped in [CLS] ... [SEP]. */
public record TokenBatch(List<long[]> ids) {

    private static final long PAD_ID = 0;

    public TokenBatch {
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one sentence");
        }
    }

    public int longest() {
        return ids.stream().mapToInt(a -> a.length).max().orElse(0);
    }

    /**
     * The encoder's input in {@code m}: {@code [ids, mask]}, each (sentences, longest), shorter rows padded with
     * [PAD] and masked out (see {@link BertEncoderBlock}). Inference and training both pad here, so the model
     * sees the same input either way.
     */
    public NDList pad(NDManager m) {
        int rows = ids.size();
        int length = longest();
        long[] flatIds = new long[rows * length];
        float[] mask = new float[rows * length];
        boolean padded = false;
        for (int r = 0; r < rows; r++) {
            long[] row = ids.get(r);
            System.arraycopy(row, 0, flatIds, r * length, row.length);
            for (int c = 0; c < length; c++) {
                if (c < row.length) {
                    mask[r * length + c] = 1f;
                } else {
                    flatIds[r * length + c] = PAD_ID;
                    padded = true;
                }
            }
        }
        NDArray idArray = m.create(flatIds, new Shape(rows, length));
        // Without padding the mask changes nothing; leaving it out saves work in every layer.
        return padded ? new NDList(idArray, m.create(mask, new Shape(rows, length))) : new NDList(idArray);
    }
}
