package app.tandem.ui.office;

import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.QueueEntry;
import app.tandem.conversation.Team;
import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import app.tandem.office.Colleague;
import app.tandem.office.OfficePresence;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisors' live view of the office: every open conversation, who has it (or that it waits) and for how
 * long, and the people with their presence; a supervisor takes a conversation over from here. Reloads off the UI
 * thread on every conversation event, coalesced (a burst of turns is one reload after the one running); the clocks
 * move every second without a reload, and the people's presence, said every few seconds, is read again as often.
 */
public final class OfficeViewModel {

    /** Presence is said every {@link OfficePresence#BEAT}; reading it more often shows nothing new. */
    static final int TICKS_PER_PEOPLE_READ = (int) OfficePresence.BEAT.toSeconds();

    /**
     * One open conversation. {@code waitingSince}: the customer's oldest unanswered turn; {@code heldSince}: when its
     * holder took it (empty while it waits in a queue).
     */
    public record OpenConversation(long id, String title, String customer, Channel channel, Team team,
                                   Optional<String> holder, Optional<Instant> waitingSince, Optional<Instant> heldSince) {}

    /** What the view reads and does; all of it but the listeners may block. */
    public interface Office {
        List<QueueEntry> queue();

        List<Colleague> colleagues();

        Optional<String> customerName(String customerId);

        /** Returns who had it (empty: it was waiting). */
        Optional<String> takeOver(long conversationId, String supervisor);

        void addListener(ConversationListener listener);

        void removeListener(ConversationListener listener);

        static Office of(ConversationService conversations, CustomerRepository customers, OfficePresence presence) {
            return new Office() {
                @Override
                public List<QueueEntry> queue() {
                    return conversations.queue();
                }

                @Override
                public List<Colleague> colleagues() {
                    return presence.colleagues();
                }

                @Override
                public Optional<String> customerName(String customerId) {
                    return customers.find(customerId).map(Customer::name);
                }

                @Override
                public Optional<String> takeOver(long conversationId, String supervisor) {
                    return conversations.takeOver(conversationId, supervisor);
                }

                @Override
                public void addListener(ConversationListener listener) {
                    conversations.addListener(listener);
                }

                @Override
                public void removeListener(ConversationListener listener) {
                    conversations.removeListener(listener);
                }
            };
        }
    }

    private record Snapshot(List<OpenConversation> conversations, List<Colleague> people) {}

    private final Office office;
    private final String me;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Clock clock;
    private final ObservableList<OpenConversation> conversations = FXCollections.observableArrayList();
    private final ObservableList<Colleague> people = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    /** Touched on the UI thread only. */
    private boolean loading;
    private boolean again;
    private int ticks;
    private LongConsumer onTakenOver = id -> { };

    private final ConversationListener listener = new ConversationListener() {
        @Override
        public void conversationOpened(Conversation conversation) {
            tasks.onUiThread(OfficeViewModel.this::refresh);
        }

        @Override
        public void messageAdded(Message message) {
            tasks.onUiThread(OfficeViewModel.this::refresh);
        }

        @Override
        public void conversationClosed(Conversation conversation) {
            tasks.onUiThread(OfficeViewModel.this::refresh);
        }

        @Override
        public void conversationMoved(Conversation conversation, ConversationEvent move) {
            tasks.onUiThread(OfficeViewModel.this::refresh);
        }
    };

    public OfficeViewModel(Office office, User supervisor, TaskExecutor tasks, Executor io, Texts texts, Clock clock) {
        if (!supervisor.role().atLeast(Role.SUPERVISOR)) {
            throw new IllegalArgumentException("Only supervisors and admins see the office live.");
        }
        this.office = office;
        this.me = supervisor.username();
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.clock = clock;
        now.set(clock.instant());
    }

    /** Runs on the UI thread with the conversation a take-over gave this supervisor (the window opens it on the desk). */
    public void onTakenOver(LongConsumer action) {
        this.onTakenOver = action;
    }

    public void start() {
        office.addListener(listener);
        refresh();
    }

    public void dispose() {
        office.removeListener(listener);
    }

    /** Reads the office again; while a read runs, one more follows it, however many events came in between. */
    public void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        tasks.execute(texts.get("activity.office"), io, this::read, snapshot -> {
            conversations.setAll(snapshot.conversations());
            people.setAll(snapshot.people());
            now.set(clock.instant());
            settled();
        }, e -> {
            message.set(texts.failure(e));
            settled();
        });
    }

    private void settled() {
        loading = false;
        if (again) {
            again = false;
            refresh();
        }
    }

    private Snapshot read() {
        List<Colleague> colleagues = office.colleagues();
        Map<String, String> names = new HashMap<>();
        colleagues.forEach(c -> names.put(c.username(), c.displayName()));
        Map<String, String> customers = new HashMap<>();
        List<OpenConversation> open = new ArrayList<>();
        for (QueueEntry e : office.queue()) {
            Conversation c = e.conversation();
            String customer = c.customerId().map(id -> customers.computeIfAbsent(id, k -> office.customerName(k).orElse(k)))
                    .orElse(texts.get("desk.noCustomer"));
            open.add(new OpenConversation(c.id(), c.title(), customer, c.channel(), e.assignment().team(),
                    e.assignment().holder().map(u -> names.getOrDefault(u, u)), e.waitingSince(), e.assignment().since()));
        }
        return new Snapshot(open, colleagues);
    }

    /** Every second: the clocks move; every few seconds the people's presence is read again. */
    public void tick() {
        now.set(clock.instant());
        if (++ticks % TICKS_PER_PEOPLE_READ == 0) {
            refresh();
        }
    }

    /** How long the customer has waited for an answer; empty when they have been answered. */
    public Optional<Duration> waiting(OpenConversation c) {
        return c.waitingSince().map(since -> Duration.between(since, now.get()));
    }

    /** How long its holder has had it; empty while it waits in a queue. */
    public Optional<Duration> handling(OpenConversation c) {
        return c.heldSince().map(since -> Duration.between(since, now.get()));
    }

    /** This supervisor takes the conversation over from whoever has it; it then opens on their desk. */
    public void takeOver(long conversationId) {
        message.set("");
        tasks.execute(texts.get("activity.takingOver"), io, () -> office.takeOver(conversationId, me), previous -> {
            onTakenOver.accept(conversationId);
            refresh();
        }, e -> message.set(texts.failure(e)));
    }

    public ObservableList<OpenConversation> conversations() {
        return conversations;
    }

    public ObservableList<Colleague> people() {
        return people;
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** What went wrong last, in one sentence; empty when nothing did. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
