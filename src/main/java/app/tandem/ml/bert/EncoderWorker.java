package app.tandem.ml.bert;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.util.List;

/**
 * Encodes on one thread. Holds one DJL {@link Predictor}, which is not thread-safe: each inference
 * thread keeps its own worker and reuses it.
 */
public final class EncoderWorker implements AutoCloseable {

    private final Predictor<TokenBatch, float[][]> predictor;
    private final int maxBatch;

    EncoderWorker(Predictor<TokenBatch, float[][]> predictor, int maxBatch) {
        this.predictor = predictor;
        this.maxBatch = maxBatch;
    }

    /** Vectors for the given token sequences, in their order; batched by {@link LengthGroups}. */
    public float[][] encode(List<long[]> tokenIds) {
        float[][] out = new float[tokenIds.size()][];
        for (int[] group : LengthGroups.of(tokenIds, maxBatch)) {
            float[][] vectors = predict(new TokenBatch(LengthGroups.rows(tokenIds, group)));
            for (int j = 0; j < group.length; j++) {
                out[group[j]] = vectors[j];
            }
        }
        return out;
    }

    private float[][] predict(TokenBatch batch) {
        try {
            return predictor.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("encoder failed on a batch of " + batch.ids().size(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
    }
}
