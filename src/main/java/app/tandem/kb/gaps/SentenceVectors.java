package app.tandem.kb.gaps;

import java.util.List;
import java.util.Optional;

/**
 * Sentence vectors for grouping texts by meaning. Empty while the language models load or when
 * they could not start; callers then fall back to words, and say so.
 */
public interface SentenceVectors {

    /** A vector and the model that made it: vectors of different models are not comparable. */
    record Vector(String model, float[] values) {

        /** Cosine similarity; the vectors are L2-normalised, so the dot product. */
        public double cosine(Vector other) {
            if (!model.equals(other.model) || values.length != other.values.length) {
                return 0;
            }
            double dot = 0;
            for (int i = 0; i < values.length; i++) {
                dot += (double) values[i] * other.values[i];
            }
            return dot;
        }
    }

    /** No models: every text has no vector. */
    SentenceVectors NONE = text -> Optional.empty();

    /** The vector of a passage of text, routed to the model for its language. */
    Optional<Vector> vector(String text);

    /** Vectors of many texts, in order; encoders batch them, which is much faster than one at a time. */
    default List<Optional<Vector>> vectors(List<String> texts) {
        return texts.stream().map(this::vector).toList();
    }
}
