package app.tandem.kb;

import app.tandem.nlp.TextEncoder;
import java.util.Map;
import java.util.Optional;

/**
 * The sentence encoders the knowledge base searches with, by article language ("en", "zh"), and the
 * name of each one's vector space (model id plus which weights). Vectors from different spaces are
 * not comparable: an index built in another space is rebuilt.
 */
public record SemanticEncoders(Map<String, TextEncoder> byLanguage, Map<String, String> spaces) {

    public static final String NO_VECTORS = "none";

    public SemanticEncoders {
        byLanguage = Map.copyOf(byLanguage);
        spaces = Map.copyOf(spaces);
    }

    /** Keyword search only: models not loaded, or unavailable. */
    public static SemanticEncoders none() {
        return new SemanticEncoders(Map.of(), Map.of());
    }

    public Optional<TextEncoder> forLanguage(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    public String space(String language) {
        return byLanguage.containsKey(language) ? spaces.getOrDefault(language, NO_VECTORS) : NO_VECTORS;
    }

    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }
}
