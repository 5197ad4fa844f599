package app.tandem.assist.escalation;

import java.time.Instant;

/**
 * An agent's correction of what Tandem understood of a turn; training data for the sentiment and
 * intent heads. {@code text} is redacted before it is stored.
 *
 * @param label for SENTIMENT the right label (neutral …), for INTENT the right intent name, for
 *              ENTITY_REMOVED {@code not TYPE at start-end} (offsets in the original turn)
 */
public record Correction(long id, long conversationId, int messageSeq, Kind kind, String text, String label,
                         String correctedBy, Instant at) {

    public enum Kind { SENTIMENT, INTENT, ENTITY_REMOVED }
}
