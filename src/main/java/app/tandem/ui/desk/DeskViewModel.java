package app.tandem.ui.desk;

import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.customers.CustomerProfileViewModel;
import java.util.List;
import java.util.Optional;

/**
 * The desk, as the coordinator of its parts: it hears conversation events (on other threads, handed to the UI
 * thread before anything is touched) and tells each part what changed: the queue, the conversation on screen,
 * its chips and banner, the suggestion panel, the compose box and the customer panel. Each part does one job
 * and takes only the services it uses.
 */
public final class DeskViewModel {

    /** Conversation events; the desk listens while it is open. */
    public interface Events {
        void addListener(ConversationListener listener);

        void removeListener(ConversationListener listener);

        static Events of(ConversationService conversations) {
            return new Events() {
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

    /** The desk's parts, each built with its own services by the window. */
    public record Parts(QueueViewModel queue, ConversationViewModel conversation, UnderstandingViewModel understanding,
                        SuggestionPanelViewModel suggestions, SuggestionWording wording, ComposeViewModel compose,
                        NewConversationViewModel opening, CloseConversationViewModel closing,
                        AllowlistCurationViewModel allowlist, CustomerProfileViewModel customerPanel, NoticeBoard notices,
                        HolderViewModel holder, PassOnViewModel passOn, AttachmentViewModel attachments) {}

    private final Parts parts;
    private final Events events;
    private final TaskExecutor tasks;

    private final ConversationListener listener = new ConversationListener() {
        @Override
        public void conversationOpened(Conversation conversation) {
            tasks.onUiThread(() -> {
                parts.queue().refresh();
                if (parts.conversation().selected().isEmpty() && !parts.conversation().fetching()) {
                    select(conversation.id());
                }
            });
        }

        @Override
        public void messageAdded(Message message) {
            tasks.onUiThread(() -> messageArrived(message));
        }

        @Override
        public void conversationClosed(Conversation conversation) {
            tasks.onUiThread(() -> conversationEnded(conversation));
        }

        @Override
        public void conversationMoved(Conversation conversation, ConversationEvent move) {
            tasks.onUiThread(() -> moved(conversation.id()));
        }
    };

    public DeskViewModel(Parts parts, Events events, TaskExecutor tasks) {
        this.parts = parts;
        this.events = events;
        this.tasks = tasks;
        ConversationViewModel conversation = parts.conversation();
        conversation.listen(new ConversationViewModel.Listener() {
            @Override
            public void shown(Conversation c) {
                parts.customerPanel().show(c.customerId());
                parts.notices().show(Notice.Kind.LOADING);
            }

            @Override
            public void loaded(long conversationId, List<Message> turns) {
                parts.queue().markSeen(conversationId, conversation.lastSeq());
                parts.understanding().understand(conversationId, turns);
                parts.suggestions().request();
            }
        });
        conversation.selectedProperty().addListener((obs, old, c) -> {
            parts.queue().showing(c == null ? 0 : c.id());
            if (c == null) {
                parts.holder().clear();
            } else {
                parts.holder().load(c.id());
            }
        });
        parts.holder().onClaimed(parts.queue()::refresh);
        // A reply refused because a colleague has the conversation now: the box locks and says who.
        parts.compose().onHeldElsewhere(id -> {
            if (conversation.isSelected(id)) {
                parts.holder().load(id);
            }
        });
        parts.queue().onLoaded(items -> {
            if (conversation.selected().isEmpty() && !conversation.fetching() && !items.isEmpty()) {
                select(items.get(0).id());
            }
        });
        parts.suggestions().onGone(parts.compose()::forget);
        parts.compose().onWithdrawn(parts.suggestions()::withdrawn);
        parts.opening().onOpened(c -> {
            parts.queue().refresh();
            select(c.id());
        });
        parts.notices().show(Notice.Kind.NO_CONVERSATION);
    }

    /** Starts listening to conversations and loads the queue; the first open conversation is selected. */
    public void start() {
        events.addListener(listener);
        parts.understanding().start();
        parts.queue().refresh();
    }

    /** Stops listening and stops any transcript being replayed. */
    public void dispose() {
        events.removeListener(listener);
        parts.understanding().dispose();
        parts.opening().dispose();
    }

    /** Shows {@code conversationId}; the compose box keeps the draft of the one it leaves. */
    public void select(long conversationId) {
        Optional<Conversation> current = parts.conversation().selected();
        if (current.isPresent() && current.get().id() == conversationId) {
            return;
        }
        parts.suggestions().clear();
        parts.understanding().clear();
        parts.compose().switchConversation(current, conversationId);
        parts.conversation().show(conversationId, parts.queue().find(conversationId).map(QueueViewModel.QueueItem::conversation));
    }

    private void messageArrived(Message message) {
        long id = message.conversationId();
        if (parts.conversation().arrived(message)) {
            parts.queue().markSeen(id, parts.conversation().lastSeq());
            if (message.fromCustomer()) {
                parts.understanding().understand(id, List.of(message));
                parts.suggestions().request();
            } else {
                parts.suggestions().showWaiting();
                parts.holder().load(id); // the agent's reply claimed it if it was waiting
            }
        }
        parts.queue().refresh();
    }

    /** Claimed, passed on or taken over, here or at another seat: the queue changes, and so may the box on screen. */
    private void moved(long conversationId) {
        if (parts.conversation().isSelected(conversationId)) {
            parts.holder().load(conversationId);
        }
        parts.queue().refresh();
    }

    private void conversationEnded(Conversation conversation) {
        parts.opening().ended(conversation.id());
        boolean onScreen = parts.conversation().isSelected(conversation.id());
        parts.compose().drop(conversation.id(), onScreen);
        if (onScreen) {
            parts.conversation().clear();
            parts.suggestions().clear();
            parts.understanding().clear();
            parts.customerPanel().show(Optional.empty());
            parts.notices().show(Notice.Kind.NO_CONVERSATION);
        }
        parts.queue().refresh();
    }

    /**
     * Puts suggestion {@code rank} (1-based, as shown) into the compose box. A Smart Reply a supervisor withdrew
     * since it was shown is not inserted: it leaves the panel, the box keeps what it holds, and the notice says why.
     */
    public boolean insertSuggestion(int rank) {
        return parts.suggestions().take(rank).map(s -> {
            parts.compose().insert(parts.wording().text(s), s);
            return true;
        }).orElse(false);
    }

    public QueueViewModel queue() {
        return parts.queue();
    }

    public ConversationViewModel conversation() {
        return parts.conversation();
    }

    public AttachmentViewModel attachments() {
        return parts.attachments();
    }

    public UnderstandingViewModel understanding() {
        return parts.understanding();
    }

    public SuggestionPanelViewModel suggestions() {
        return parts.suggestions();
    }

    public SuggestionWording wording() {
        return parts.wording();
    }

    public ComposeViewModel compose() {
        return parts.compose();
    }

    public NewConversationViewModel opening() {
        return parts.opening();
    }

    public CloseConversationViewModel closing() {
        return parts.closing();
    }

    public AllowlistCurationViewModel allowlist() {
        return parts.allowlist();
    }

    public CustomerProfileViewModel customerPanel() {
        return parts.customerPanel();
    }

    public NoticeBoard notices() {
        return parts.notices();
    }

    public HolderViewModel holder() {
        return parts.holder();
    }

    public PassOnViewModel passOn() {
        return parts.passOn();
    }
}
