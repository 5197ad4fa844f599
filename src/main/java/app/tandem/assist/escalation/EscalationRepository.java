package app.tandem.assist.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where escalations are kept (H2 in the app, a map in tests). */
public interface EscalationRepository {

    Escalation open(long conversationId, int messageSeq, EscalationReason reason, EscalationDetail detail, Instant at);

    Optional<Escalation> findOpen(long conversationId, EscalationReason reason);

    List<Escalation> forConversation(long conversationId);

    /** Newest first; {@code openOnly} leaves out acknowledged ones. */
    List<Escalation> list(boolean openOnly, int limit);

    /** False when there is no such escalation or it was already acknowledged. */
    boolean acknowledge(long id, String by, Instant at);
}
