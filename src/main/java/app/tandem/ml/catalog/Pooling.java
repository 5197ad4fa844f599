package app.tandem.ml.catalog;

import java.util.Locale;

/** How token vectors become one sentence vector, as the model was trained. */
public enum Pooling {
    /** Average of the real (unpadded) token vectors: sentence-transformers models such as MiniLM. */
    MEAN,
    /** The vector of the first ([CLS]) token: the BGE family. */
    CLS;

    public static Pooling parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
