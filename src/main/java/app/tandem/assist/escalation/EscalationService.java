package app.tandem.assist.escalation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Opens escalations — at most one open per conversation and reason, so a customer who keeps asking
 * for a manager does not flood the list — and lets supervisors acknowledge them. Listeners hear of
 * new and acknowledged escalations on the thread that made the change.
 */
public final class EscalationService {

    private final EscalationRepository repository;
    private final Clock clock;
    private final List<Consumer<Escalation>> listeners = new CopyOnWriteArrayList<>();

    public EscalationService(EscalationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    public void addListener(Consumer<Escalation> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Escalation> listener) {
        listeners.remove(listener);
    }

    /** Opens what is not already open; returns the escalations opened now. */
    public synchronized List<Escalation> raise(long conversationId, int messageSeq, List<EscalationRules.Trigger> triggers) {
        List<Escalation> opened = new ArrayList<>();
        for (EscalationRules.Trigger t : triggers) {
            if (repository.findOpen(conversationId, t.reason()).isEmpty()) {
                opened.add(repository.open(conversationId, messageSeq, t.reason(), t.detail(), clock.instant()));
            }
        }
        opened.forEach(e -> listeners.forEach(l -> l.accept(e)));
        return opened;
    }

    public List<Escalation> openFor(long conversationId) {
        return repository.forConversation(conversationId).stream().filter(Escalation::isOpen).toList();
    }

    public List<Escalation> list(boolean openOnly) {
        return repository.list(openOnly, 500);
    }

    /** A supervisor has seen it; false when it was already acknowledged. */
    public boolean acknowledge(long escalationId, String supervisor) {
        boolean done = repository.acknowledge(escalationId, supervisor, clock.instant());
        if (done) {
            repository.list(false, 500).stream().filter(e -> e.id() == escalationId).findFirst()
                    .ifPresent(e -> listeners.forEach(l -> l.accept(e)));
        }
        return done;
    }
}
