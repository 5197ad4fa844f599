package app.tandem.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Pads a {@link TokenBatch} into id and mask arrays and reads the sentence vectors back as
 * {@code float[][]}. Both sides live in the predictor context's manager, which DJL closes after
 * each call, so no per-request array outlives the request.
 */
final class EncoderTranslator implements NoBatchifyTranslator<TokenBatch, float[][]> {

    @Override
    public NDList processInput(TranslatorContext ctx, TokenBatch batch) {
        return batch.pad(ctx.getNDManager());
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
