package app.tandem.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Pads a {@link TokenBatch} into id and mask arrays and reads the sentence vectors back as
 * {@code float[][]}. Both sides live in the predictor context's manager, which DJL closes after
 * each call, so no per-request array outlives the request.
 */
final class EncoderTranslator implements NoBatchifyTranslator<TokenBatch, float[][]> {

    private static final long PAD_ID = 0;

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        NDManager m = ctx.getNDManager();
        int rows = batch.ids().size();
        int length = batch.longest();
        long[] ids = new long[rows * length];
        float[] mask = new float[rows * length];
        boolean padded = false;
        for (int r = 0; r < rows; r++) {
            long[] row = batch.ids().get(r);
            System.arraycopy(row, 0, ids, r * length, row.length);
            for (int c = 0; c < length; c++) {
                if (c < row.length) {
                    mask[r * length + c] = 1f;
                } else {
                    ids[r * length + c] = PAD_ID;
                    padded = true;
                }
            }
        }
        NDArray idArray = m.create(ids, new Shape(rows, length));
        // Without padding the mask changes nothing; leaving it out saves work in every layer.
        return padded ? new NDList(idArray, m.create(mask, new Shape(rows, length))) : new NDList(idArray);
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
        NDArray vectors = list.singletonOrThrow();
        int rows = (int) vectors.getShape().get(0);
        int dims = (int) vectors.getShape().get(1);
        float[] flat = vectors.toFloatArray();
        float[][] out = new float[rows][dims];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * dims, out[r], 0, dims);
        }
        return out;
    }
}
