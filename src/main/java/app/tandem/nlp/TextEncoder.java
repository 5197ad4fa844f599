package app.tandem.nlp;

import java.util.List;

/**
 * Turns text into a sentence vector for semantic search and similarity. Thread-safe; calls block
 * until the vector is ready, so call from a background executor, never the FX thread.
 *
 * <p>Vectors of one encoder are comparable with each other only (see {@link #modelId()}); they are
 * L2-normalised, so cosine similarity is the dot product.
 *
 * <p>Any string is accepted: empty text, emoji, control characters and unpaired surrogates give a
 * valid vector (control characters and lone surrogates are replaced first); text longer than the
 * model's token limit is truncated. {@code null} is an {@link IllegalArgumentException}.
 */
public interface TextEncoder extends AutoCloseable {

    /** Catalog id of the model, e.g. {@code bge-small-en-v1.5}; store it beside saved vectors. */
    String modelId();

    int dimensions();

    /** A search query; models that prescribe a query instruction get it prepended. */
    float[] encodeQuery(String text);

    /** A passage to be found (article paragraph, past reply). */
    float[] encodePassage(String text);

    /** Many passages at once: sorted by length and batched, much faster than one at a time. */
    List<float[]> encodePassages(List<String> texts);

    /** Releases the model; owned encoders are closed by their {@link EncoderService}. */
    @Override
    void close();
}
