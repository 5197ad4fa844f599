package app.tandem.ui.desk;

import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.QueueEntry;
import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
 * The queue of open conversations: who is waiting, since when, and which conversations the customer wrote in
 * since the agent last looked. Reloads off the UI thread; a reload that answers after a later one is dropped.
 */
public final class QueueViewModel {

    /** One line of the queue. {@code unread}: the customer wrote since the agent last looked. */
    public record QueueItem(Conversation conversation, String customerName, int lastSeq,
                            Optional<Instant> waitingSince, boolean unread) {
        public long id() {
            return conversation.id();
        }
    }

    /** What the queue reads; may block (database), so it is called off the UI thread. */
    public interface Source {
        List<QueueEntry> queue();

        /** The customer's name, or empty when there is no such customer. */
        Optional<String> customerName(String customerId);

        static Source of(ConversationService conversations, CustomerRepository customers) {
            return new Source() {
                @Override
                public List<QueueEntry> queue() {
                    return conversations.queue();
                }

                @Override
                public Optional<String> customerName(String customerId) {
                    return customers.find(customerId).map(Customer::name);
                }
            };
        }
    }

    private record LoadedEntry(QueueEntry entry, String customerName) {}

    private final Source source;
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

    public QueueViewModel(Source source, TaskExecutor tasks, Executor io, Texts texts, Clock clock, Consumer<Throwable> failures) {
        this.source = source;
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
                loaded.add(new LoadedEntry(e, e.conversation().customerId().map(this::customerName).orElse("")));
            }
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
                shown.add(new QueueItem(c, l.customerName(), l.entry().lastSeq(), l.entry().waitingSince(), unread));
            }
            items.setAll(shown);
            now.set(clock.instant());
            onLoaded.accept(shown);
        }, failures::accept);
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
                items.set(i, new QueueItem(q.conversation(), q.customerName(), q.lastSeq(), q.waitingSince(), false));
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
