package app.tandem.assist;

import java.util.OptionalInt;

/**
 * A reply Tandem offers the agent. {@code confidence} is from 0 to 1; {@code sourceRef} names the
 * article, past conversation or macro it came from, and {@code why} says in words why it was offered.
 * {@code id} is the row in the suggestion log once shown (0 before). {@code why} is the English sentence
 * kept for logs and evaluation; {@code provenance} is the same as data, for the desk to say in the agent's language.
 */
public record Suggestion(long id, int rank, String text, double confidence, SuggestionSource source,
                         String sourceRef, OptionalInt sourceVersion, String why, Provenance provenance) {

    /** A suggestion whose provenance is only the sentence {@code why}. */
    public Suggestion(long id, int rank, String text, double confidence, SuggestionSource source,
                      String sourceRef, OptionalInt sourceVersion, String why) {
        this(id, rank, text, confidence, source, sourceRef, sourceVersion, why, Provenance.text(why));
    }

    public Suggestion withLogId(long logId) {
        return new Suggestion(logId, rank, text, confidence, source, sourceRef, sourceVersion, why, provenance);
    }
}
