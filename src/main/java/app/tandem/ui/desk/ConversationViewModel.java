package app.tandem.ui.desk;

import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The conversation on screen and its turns: which one is selected, its turns loaded off the UI thread, and
 * turns that arrive while it is open. What the rest of the desk does about a change is the {@link Listener}'s.
 */
public final class ConversationViewModel implements OnScreen {

    /** What the conversation pane reads; may block (database), so it is called off the UI thread. */
    public interface Turns {
        Optional<Conversation> find(long conversationId);

        List<Message> messages(long conversationId);

        static Turns of(ConversationService conversations) {
            return new Turns() {
                @Override
                public Optional<Conversation> find(long conversationId) {
                    return conversations.find(conversationId);
                }

                @Override
                public List<Message> messages(long conversationId) {
                    return conversations.messages(conversationId);
                }
            };
        }
    }

    /** Hears, on the UI thread, what changed on screen. */
    interface Listener {
        /** {@code conversation} is now on screen; its turns are loading. */
        void shown(Conversation conversation);

        /** The turns of the conversation on screen are loaded (with any that arrived meanwhile). */
        void loaded(long conversationId, List<Message> turns);
    }

    private final Turns source;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Consumer<Throwable> failures;

    private final ReadOnlyObjectWrapper<Conversation> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private Listener listener = new Listener() {
        @Override
        public void shown(Conversation conversation) {
        }

        @Override
        public void loaded(long conversationId, List<Message> turns) {
        }
    };
    /**
     * A conversation asked for before the queue lists it, while it is fetched; 0: none. Until it arrives the
     * desk does not pick the queue's first conversation on its own (it used to, showing another conversation
     * for a moment), and it arrives only if nothing else was chosen meanwhile (it used to replace the agent's
     * later choice).
     */
    private long fetching;

    public ConversationViewModel(Turns source, TaskExecutor tasks, Executor io, Texts texts, Consumer<Throwable> failures) {
        this.source = source;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.failures = failures;
    }

    void listen(Listener listener) {
        this.listener = listener;
    }

    /**
     * Shows {@code conversationId}: at once when the queue already lists it ({@code queued}), else once it is
     * fetched, and then only if nothing else was chosen meanwhile.
     */
    void show(long conversationId, Optional<Conversation> queued) {
        messages.clear();
        if (queued.isPresent()) {
            fetching = 0;
            apply(queued.get());
            return;
        }
        selected.set(null);
        fetching = conversationId;
        tasks.execute(texts.get("activity.conversation"), io, () -> source.find(conversationId), found -> {
            // Only if it is still the one wanted: the agent may have chosen another meanwhile.
            if (fetching == conversationId) {
                fetching = 0;
                found.ifPresent(this::apply);
            }
        }, e -> {
            if (fetching == conversationId) {
                fetching = 0;
            }
            failures.accept(e);
        });
    }

    private void apply(Conversation conversation) {
        selected.set(conversation);
        listener.shown(conversation);
        long id = conversation.id();
        tasks.execute(texts.get("activity.conversation"), io, () -> source.messages(id), loaded -> loaded(id, loaded), failures::accept);
    }

    private void loaded(long conversationId, List<Message> loaded) {
        if (!isSelected(conversationId)) {
            return;
        }
        int last = loaded.isEmpty() ? 0 : loaded.get(loaded.size() - 1).seq();
        List<Message> merged = new ArrayList<>(loaded);
        // Turns that arrived while loading are already in the list; keep them.
        messages.stream().filter(m -> m.conversationId() == conversationId && m.seq() > last).forEach(merged::add);
        messages.setAll(merged);
        listener.loaded(conversationId, merged);
    }

    /** A turn arrived; true when it is a new turn of the conversation on screen (then it is added). */
    boolean arrived(Message message) {
        if (!isSelected(message.conversationId())) {
            return false;
        }
        if (message.seq() > lastSeq()) {
            messages.add(message);
        }
        return true;
    }

    /** Nothing on screen (the conversation was closed). */
    void clear() {
        selected.set(null);
        messages.clear();
    }

    /** True while a conversation asked for is being fetched: the desk then does not choose one itself. */
    boolean fetching() {
        return fetching != 0;
    }

    int lastSeq() {
        return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
    }

    @Override
    public boolean isSelected(long conversationId) {
        return selected.get() != null && selected.get().id() == conversationId;
    }

    @Override
    public Optional<Conversation> selected() {
        return Optional.ofNullable(selected.get());
    }

    @Override
    public List<Message> turns() {
        return messages;
    }

    /** The customer wrote last: the agent owes a reply. */
    @Override
    public boolean awaitingAgent() {
        return !messages.isEmpty() && messages.get(messages.size() - 1).fromCustomer();
    }

    /** The seq of the latest customer turn on screen. */
    @Override
    public OptionalInt latestCustomerSeq() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).fromCustomer()) {
                return OptionalInt.of(messages.get(i).seq());
            }
        }
        return OptionalInt.empty();
    }

    public ReadOnlyObjectProperty<Conversation> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ObservableList<Message> messages() {
        return messages;
    }
}
