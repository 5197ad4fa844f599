package app.tandem.assist.escalation;

import java.time.Instant;
import java.util.Optional;

/**
 * A conversation flagged for a supervisor.
 *
 * @param messageSeq the customer turn that triggered it
 * @param detail     in words, for the banner and the list ("asked: speak to a manager")
 */
public record Escalation(long id, long conversationId, int messageSeq, EscalationReason reason, String detail, Instant at,
                         EscalationStatus status, Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt) {

    public boolean isOpen() {
        return status == EscalationStatus.OPEN;
    }
}
