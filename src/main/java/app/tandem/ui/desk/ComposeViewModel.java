package app.tandem.ui.desk;

import app.tandem.assist.AssistService;
import app.tandem.assist.Placeholders;
import app.tandem.assist.ReplyService;
import app.tandem.assist.Suggestion;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageRejectedException;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The compose box: the agent's reply (or, on the phone and in the branch, what the customer said), checked and
 * sent off the UI thread; the suggestion it was based on, if one was inserted; a draft kept per conversation.
 * Its error line is a {@link Notice}.
 */
public final class ComposeViewModel {

    public enum State { IDLE, SENDING, ERROR }

    /** Where the compose box sends; all of it may block. */
    public interface Outbox {
        /** The agent's reply, with the suggestion it was based on. */
        Optional<Message> send(long conversationId, String text, Optional<Suggestion> basedOn, String agent);

        /** What the customer said, typed in by the agent. */
        Optional<Message> customerSaid(long conversationId, String text);

        /** False when a supervisor withdrew the Smart Reply since it was shown. */
        boolean stillOffered(Suggestion suggestion);

        static Outbox of(ReplyService replies, ConversationService conversations, AssistService assist) {
            return new Outbox() {
                @Override
                public Optional<Message> send(long conversationId, String text, Optional<Suggestion> basedOn, String agent) {
                    return replies.send(conversationId, text, basedOn, agent);
                }

                @Override
                public Optional<Message> customerSaid(long conversationId, String text) {
                    return conversations.receiveFromCustomer(conversationId, text);
                }

                @Override
                public boolean stillOffered(Suggestion suggestion) {
                    return assist.stillOffered(suggestion);
                }
            };
        }
    }

    private record Draft(String text, Optional<Suggestion> inserted) {}

    private final Outbox outbox;
    private final OnScreen screen;
    private final String agent;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;

    private final StringProperty text = new SimpleStringProperty(this, "compose", "");
    private final ReadOnlyObjectWrapper<Notice> error = new ReadOnlyObjectWrapper<>(this, "composeError", Notice.NONE);
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    /** Touched on the UI thread only. */
    private final Map<Long, Draft> drafts = new HashMap<>();
    private Optional<Suggestion> inserted = Optional.empty();
    private Consumer<Suggestion> onWithdrawn = s -> { };
    private LongConsumer onHeldElsewhere = id -> { };

    public ComposeViewModel(Outbox outbox, OnScreen screen, String agent, TaskExecutor tasks, Executor io, Texts texts) {
        this.outbox = outbox;
        this.screen = screen;
        this.agent = agent;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        text.addListener((obs, old, now) -> {
            if (now == null || now.isBlank()) {
                inserted = Optional.empty();
            }
            if (!error.get().isNone() && (now == null || now.length() <= ConversationService.MAX_MESSAGE_LENGTH)) {
                error.set(Notice.NONE);
            }
        });
    }

    /** Runs when sending finds the inserted Smart Reply withdrawn: the panel drops it too. */
    void onWithdrawn(Consumer<Suggestion> action) {
        this.onWithdrawn = action;
    }

    /** Runs when a reply is refused because a colleague has the conversation now (the draft stays in the box). */
    void onHeldElsewhere(LongConsumer action) {
        this.onHeldElsewhere = action;
    }

    /** Keeps what the box holds for {@code from} and puts back what it held for {@code toId}. */
    void switchConversation(Optional<Conversation> from, long toId) {
        from.ifPresent(c -> drafts.put(c.id(), new Draft(text.get(), inserted)));
        error.set(Notice.NONE);
        Draft draft = drafts.remove(toId);
        text.set(draft == null ? "" : draft.text());
        inserted = draft == null ? Optional.empty() : draft.inserted();
    }

    /** The conversation was closed: its draft goes. */
    void drop(long conversationId, boolean onScreen) {
        drafts.remove(conversationId);
        if (onScreen) {
            text.set("");
            error.set(Notice.NONE);
        }
    }

    /** Puts a suggestion's words (as the agent reads them) into the box. */
    void insert(String words, Suggestion s) {
        text.set(words);
        inserted = Optional.of(s);
    }

    /** {@code s} left the panel: what the box holds is no longer based on it. */
    void forget(Suggestion s) {
        if (inserted.isPresent() && inserted.get().equals(s)) {
            inserted = Optional.empty();
        }
    }

    /** Sends the box as the agent's reply. The text stays in the box unless it was stored. */
    public void send() {
        submit(false);
    }

    /** Records the box as what the customer said (phone and branch conversations). */
    public void recordCustomerTurn() {
        submit(true);
    }

    private void submit(boolean fromCustomer) {
        Optional<Conversation> conversation = screen.selected();
        String said = text.get();
        if (conversation.isEmpty() || said == null || said.isBlank() || state.get() == State.SENDING) {
            return;
        }
        int length = said.strip().length();
        if (length > ConversationService.MAX_MESSAGE_LENGTH) {
            refuse(Notice.of(Notice.Kind.TOO_LONG, length, ConversationService.MAX_MESSAGE_LENGTH));
            return;
        }
        List<String> gaps = fromCustomer ? List.of() : Placeholders.unfilled(said);
        if (!gaps.isEmpty()) {
            // Said here in the agent's language; ReplyService refuses the same text anyway.
            refuse(Notice.of(Notice.Kind.FILL_IN, gaps.stream().distinct().toArray()));
            return;
        }
        long id = conversation.get().id();
        Optional<Suggestion> basedOn = inserted;
        state.set(State.SENDING);
        tasks.execute(texts.get("activity.sending"), io, () -> {
            if (fromCustomer) {
                return outbox.customerSaid(id, said);
            }
            if (basedOn.isPresent() && !outbox.stillOffered(basedOn.get())) {
                throw new WithdrawnSuggestion(basedOn.get());
            }
            return outbox.send(id, said, basedOn, agent);
        }, sent -> {
            state.set(State.IDLE);
            error.set(Notice.NONE);
            if (screen.isSelected(id) && said.equals(text.get())) {
                text.set("");
                inserted = Optional.empty();
            }
        }, e -> {
            state.set(State.ERROR);
            if (e instanceof WithdrawnSuggestion w) {
                // The text stays in the box as the agent's own: sending it again sends it as typed.
                onWithdrawn.accept(w.suggestion);
                forget(w.suggestion);
                error.set(Notice.of(Notice.Kind.REPLY_WITHDRAWN));
            } else {
                error.set(Notice.failed(Notice.Kind.SEND_FAILED, e));
                if (e instanceof MessageRejectedException r && r.reason() == MessageRejectedException.Reason.HELD_BY_SOMEONE_ELSE) {
                    onHeldElsewhere.accept(id);
                }
            }
        });
    }

    private void refuse(Notice why) {
        error.set(why);
        state.set(State.ERROR);
    }

    /** A Smart Reply entry blocked or deleted between inserting the suggestion and sending it. */
    private static final class WithdrawnSuggestion extends RuntimeException {
        private final transient Suggestion suggestion;

        WithdrawnSuggestion(Suggestion suggestion) {
            super("withdrawn: " + suggestion.sourceRef(), null, false, false);
            this.suggestion = suggestion;
        }
    }

    public StringProperty textProperty() {
        return text;
    }

    /** What is wrong with the reply, or {@link Notice#NONE}. */
    public ReadOnlyObjectProperty<Notice> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public Optional<Suggestion> insertedSuggestion() {
        return inserted;
    }
}
