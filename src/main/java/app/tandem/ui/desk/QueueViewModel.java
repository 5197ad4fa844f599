package app.tandem.ui.desk;

import app.tandem.conversation.Assignment;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.QueueEntry;
import app.tandem.conversation.Team;
import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The office's queue as one person sees it: the conversations they hold ("Mine"), those waiting in the agents'
 * queue (oldest first) and, for a supervisor, the supervisors' queue with the handoff notes; a colleague's
 * conversations are not shown. Also who is waiting, since when, and which conversations the customer wrote in
 * since the agent last looked. Reloads off the UI thread; a reload that answers after a later one is dropped.
 */
public final class QueueViewModel {

    /** The queue's sections, in the order they are shown. */
    public enum Group { MINE, WAITING, SUPERVISORS }

    /**
     * One line of the queue. {@code unread}: the customer wrote since the agent last looked. {@code note}: for a
     * conversation handed to the supervisors, what the agent wrote for them.
     */
    public record QueueItem(Conversation conversation, String customerName, int lastSeq,
                            Optional<Instant> waitingSince, boolean unread, Group group, Optional<String> note) {
        public long id() {
            return conversation.id();
        }

        QueueItem seen() {
            return new QueueItem(conversation, customerName, lastSeq, waitingSince, false, group, note);
        }
    }

    /** What the queue reads; may block (database), so it is called off the UI thread. */
    public interface Source {
        List<QueueEntry> queue();

        /** The conversation's moves, for the note of a handoff. */
        List<ConversationEvent> moves(long conversationId);

        /** The customer's name, or empty when there is no such customer. */
        Optional<String> customerName(String customerId);

        static Source of(ConversationService conversations, CustomerRepository customers) {
            return new Source() {
                @Override
                public List<QueueEntry> queue() {
                    return conversations.queue();
                }

                @Override
                public List<ConversationEvent> moves(long conversationId) {
                    return conversations.moves(conversationId);
                }

                @Override
                public Optional<String> customerName(String customerId) {
                    return customers.find(customerId).map(Customer::name);
                }
            };
        }
    }

    private record LoadedEntry(QueueEntry entry, String customerName, Group group, Optional<String> note) {
        Instant waitedFrom() {
            return group == Group.MINE ? Instant.MIN : entry.waitingSince().orElse(entry.conversation().startedAt());
        }
    }

    private final Source source;
    private final String me;
    private final boolean supervisor;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Clock clock;
    private final Consumer<Throwable> failures;

    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(this, "now");
    /** Touched on the UI thread only. */
    private final Map<Long, Integer> seenSeq = new HashMap<>();
    private final Map<String, String> customerNames = new ConcurrentHashMap<>();
    private long generation;
    private long appliedGeneration;
    private long showing;
    private Consumer<List<QueueItem>> onLoaded = loaded -> { };

    public QueueViewModel(Source source, User user, TaskExecutor tasks, Executor io, Texts texts, Clock clock,
                          Consumer<Throwable> failures) {
        this.source = source;
        this.me = user.username();
        this.supervisor = user.role().atLeast(Role.SUPERVISOR);
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.clock = clock;
        this.failures = failures;
        now.set(clock.instant());
    }

    /** Runs on the UI thread after each reload that is applied (the desk opens the first conversation then). */
    void onLoaded(Consumer<List<QueueItem>> action) {
        this.onLoaded = action;
    }

    /** The conversation on screen (0: none): its turns count as seen when the queue reloads. */
    void showing(long conversationId) {
        this.showing = conversationId;
    }

    public void refresh() {
        long mine = ++generation;
        tasks.execute(texts.get("activity.queue"), io, () -> {
            List<LoadedEntry> loaded = new ArrayList<>();
            for (QueueEntry e : source.queue()) {
                group(e.assignment()).ifPresent(group -> loaded.add(new LoadedEntry(e,
                        e.conversation().customerId().map(this::customerName).orElse(""), group,
                        group == Group.SUPERVISORS ? handoffNote(e.conversation().id()) : Optional.empty())));
            }
            // Stable: the conversations one holds keep the source's order; the queues put the longest wait first.
            loaded.sort(Comparator.comparing(LoadedEntry::group).thenComparing(LoadedEntry::waitedFrom));
            return loaded;
        }, loaded -> {
            if (mine < appliedGeneration) {
                return; // a later refresh already answered
            }
            appliedGeneration = mine;
            List<QueueItem> shown = new ArrayList<>();
            for (LoadedEntry l : loaded) {
                Conversation c = l.entry().conversation();
                if (showing == c.id()) {
                    seenSeq.merge(c.id(), l.entry().lastSeq(), Math::max);
                }
                boolean unread = l.entry().lastSeq() > seenSeq.getOrDefault(c.id(), 0) && l.entry().waitingSince().isPresent();
                shown.add(new QueueItem(c, l.customerName(), l.entry().lastSeq(), l.entry().waitingSince(), unread,
                        l.group(), l.note()));
            }
            items.setAll(shown);
            now.set(clock.instant());
            onLoaded.accept(shown);
        }, failures::accept);
    }

    /** Where the conversation shows in this person's queue; empty when it is not theirs to see (a colleague holds it). */
    private Optional<Group> group(Assignment a) {
        if (a.isHeldBy(me)) {
            return Optional.of(Group.MINE);
        }
        if (!a.isWaiting()) {
            return Optional.empty();
        }
        if (a.team() == Team.AGENTS) {
            return Optional.of(Group.WAITING);
        }
        return supervisor ? Optional.of(Group.SUPERVISORS) : Optional.empty();
    }

    /** What the agent wrote when handing the conversation to the supervisors (the latest handoff's note). */
    private Optional<String> handoffNote(long conversationId) {
        List<ConversationEvent> moves = source.moves(conversationId);
        for (int i = moves.size() - 1; i >= 0; i--) {
            if (moves.get(i).kind() == ConversationEvent.Kind.HANDED_OFF) {
                return moves.get(i).note().filter(n -> !n.isBlank());
            }
        }
        return Optional.empty();
    }

    private String customerName(String id) {
        return customerNames.computeIfAbsent(id, k -> source.customerName(k).orElse(k));
    }

    /** The agent has seen the conversation's turns up to {@code lastSeq}: its line is no longer unread. */
    void markSeen(long conversationId, int lastSeq) {
        seenSeq.merge(conversationId, lastSeq, Math::max);
        for (int i = 0; i < items.size(); i++) {
            QueueItem q = items.get(i);
            if (q.id() == conversationId && q.unread()) {
                items.set(i, q.seen());
            }
        }
    }

    public Optional<QueueItem> find(long conversationId) {
        return items.stream().filter(q -> q.id() == conversationId).findFirst();
    }

    /** Moves the clock the waiting times are measured against. */
    public void tick() {
        now.set(clock.instant());
    }

    public ObservableList<QueueItem> items() {
        return items;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now;
    }
}
