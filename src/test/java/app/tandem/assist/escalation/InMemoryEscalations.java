package app.tandem.assist.escalation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Escalations and corrections in memory, for rule tests that need no database. */
final class InMemoryEscalations implements EscalationRepository, CorrectionRepository {

    final List<Escalation> escalations = new ArrayList<>();
    final List<Correction> corrections = new ArrayList<>();

    @Override
    public synchronized Escalation open(long conversationId, int messageSeq, EscalationReason reason, EscalationDetail detail, Instant at) {
        Escalation e = new Escalation(escalations.size() + 1, conversationId, messageSeq, reason, detail, at, EscalationStatus.OPEN,
                Optional.empty(), Optional.empty());
        escalations.add(e);
        return e;
    }

    @Override
    public synchronized Optional<Escalation> findOpen(long conversationId, EscalationReason reason) {
        return escalations.stream().filter(e -> e.conversationId() == conversationId && e.reason() == reason && e.isOpen()).findFirst();
    }

    @Override
    public synchronized List<Escalation> forConversation(long conversationId) {
        return escalations.stream().filter(e -> e.conversationId() == conversationId).toList();
    }

    @Override
    public synchronized List<Escalation> list(boolean openOnly, int limit) {
        return escalations.stream().filter(e -> !openOnly || e.isOpen()).sorted(Comparator.comparingLong(Escalation::id).reversed())
                .limit(limit).toList();
    }

    @Override
    public synchronized boolean acknowledge(long id, String by, Instant at) {
        for (int i = 0; i < escalations.size(); i++) {
            Escalation e = escalations.get(i);
            if (e.id() == id && e.isOpen()) {
                escalations.set(i, new Escalation(e.id(), e.conversationId(), e.messageSeq(), e.reason(), e.detail(), e.at(),
                        EscalationStatus.ACKNOWLEDGED, Optional.of(by), Optional.of(at)));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized Correction save(long conversationId, int messageSeq, Correction.Kind kind, String redactedText, String label,
                                        String correctedBy, Instant at) {
        Correction c = new Correction(corrections.size() + 1, conversationId, messageSeq, kind, redactedText, label, correctedBy, at);
        corrections.add(c);
        return c;
    }

    @Override
    public synchronized List<Correction> list(Correction.Kind kind) {
        return corrections.stream().filter(c -> c.kind() == kind).toList();
    }
}
