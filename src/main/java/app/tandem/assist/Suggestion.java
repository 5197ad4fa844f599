package app.tandem.assist;

import java.util.OptionalInt;

/**
 * A reply Tandem offers the agent. {@code confidence} is from 0 to 1; {@code sourceRef} names the
 * article, past conversation or macro it came from, and {@code why} says in words why it was offered.
 * {@code id} is the row in the suggestion log once shown (0 before).
 */
public record Suggestion(long id, int rank, String text, double confidence, SuggestionSource source,
                         String sourceRef, OptionalInt sourceVersion, String why) {

    public Suggestion withLogId(long logId) {
        return new Suggestion(logId, rank, text, confidence, source, sourceRef, sourceVersion, why);
    }
}
