package app.tandem.assist.escalation;

import java.time.Instant;
import java.util.Optional;

/**
 * A conversation flagged for a supervisor.
 *
 * @param messageSeq the customer turn that triggered it
 * @param detail     what triggered it, as data the desk says in the person's language (the banner, the list)
 */
public record Escalation(long id, long conversationId, int messageSeq, EscalationReason reason, EscalationDetail detail, Instant at,
                         EscalationStatus status, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt) {

    public boolean isOpen() {
        return status == EscalationStatus.OPEN;
    }
}
