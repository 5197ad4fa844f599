package app.tandem.ui.desk;

import app.tandem.assist.AssistService;
import app.tandem.assist.RejectReason;
import app.tandem.assist.ReplyService;
import app.tandem.assist.Suggestion;
import app.tandem.assist.Suggestions;
import app.tandem.assist.escalation.TurnUnderstanding;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.kb.ArticleHit;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The side panel's suggested replies and articles for the latest customer turn: asked for off the UI thread,
 * dropped when they come back for another conversation, an older turn or a turn already answered; inserted or
 * rejected by rank. Its notice line says why nothing is offered.
 */
public final class SuggestionPanelViewModel {

    /** What the panel asks of the assistant; {@link #suggest} and {@link #reject} may block. */
    public interface Assistant {
        Suggestions suggest(long conversationId, List<Message> turns, String agent);

        /** False when a supervisor withdrew the Smart Reply since it was shown. */
        boolean stillOffered(Suggestion suggestion);

        void reject(Suggestion suggestion, Optional<String> reason, String agent);

        /** Tells the escalation rules what was offered (two turns in a row without a confident one escalate). */
        void shown(Suggestions suggestions);

        static Assistant of(AssistService assist, ReplyService replies, TurnUnderstanding understanding) {
            return new Assistant() {
                @Override
                public Suggestions suggest(long conversationId, List<Message> turns, String agent) {
                    return assist.suggest(conversationId, turns, agent);
                }

                @Override
                public boolean stillOffered(Suggestion suggestion) {
                    return assist.stillOffered(suggestion);
                }

                @Override
                public void reject(Suggestion suggestion, Optional<String> reason, String agent) {
                    replies.reject(suggestion, reason, agent);
                }

                @Override
                public void shown(Suggestions suggestions) {
                    understanding.suggestionsShown(suggestions);
                }
            };
        }
    }

    private final Assistant assistant;
    private final OnScreen screen;
    private final NoticeBoard notices;
    private final String agent;
    private final TaskExecutor tasks;
    private final Executor inference;
    private final Executor io;
    private final Texts texts;

    private final ObservableList<Suggestion> suggestions = FXCollections.observableArrayList();
    private final ObservableList<ArticleHit> articles = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper suggesting = new ReadOnlyBooleanWrapper(this, "suggesting");
    private Consumer<Suggestion> onGone = s -> { };

    public SuggestionPanelViewModel(Assistant assistant, OnScreen screen, NoticeBoard notices, String agent, TaskExecutor tasks,
                                    Executor inference, Executor io, Texts texts) {
        this.assistant = assistant;
        this.screen = screen;
        this.notices = notices;
        this.agent = agent;
        this.tasks = tasks;
        this.inference = inference;
        this.io = io;
        this.texts = texts;
    }

    /** Runs when a suggestion leaves the panel (withdrawn or rejected): the compose box forgets it was inserted. */
    void onGone(Consumer<Suggestion> action) {
        this.onGone = action;
    }

    /** Empties the panel (another conversation, or none). */
    void clear() {
        suggestions.clear();
        articles.clear();
    }

    /** The agent answered (or nobody asked yet): nothing to suggest. */
    void showWaiting() {
        clear();
        suggesting.set(false);
        notices.show(Notice.Kind.WAITING);
    }

    /** Asks for suggestions for the conversation on screen as it stands. */
    void request() {
        Optional<Conversation> conversation = screen.selected();
        if (conversation.isEmpty() || !screen.awaitingAgent()) {
            showWaiting();
            return;
        }
        List<Message> turns = List.copyOf(screen.turns());
        long id = conversation.get().id();
        suggesting.set(true);
        tasks.execute(texts.get("activity.suggesting"), inference, () -> assistant.suggest(id, turns, agent), this::arrived, e -> {
            if (screen.isSelected(id)) {
                suggesting.set(false);
                notices.show(Notice.failed(Notice.Kind.SUGGESTIONS_FAILED, e));
            }
        });
    }

    /** Drops results for another conversation, an older customer turn, or a turn already answered. */
    void arrived(Suggestions result) {
        if (!screen.isSelected(result.conversationId())) {
            return;
        }
        OptionalInt latest = screen.latestCustomerSeq();
        if (latest.isPresent() && result.messageSeq() < latest.getAsInt()) {
            return; // stale: a newer customer turn has its own request in flight
        }
        suggesting.set(false);
        // A new escalation this raises reaches the banner through the escalation listener: nothing to fetch here.
        tasks.execute(texts.get("activity.understanding"), io, () -> {
            assistant.shown(result);
            return null;
        }, ignored -> { }, notices::failed);
        if (!screen.awaitingAgent()) {
            showWaiting();
            return;
        }
        suggestions.setAll(result.replies());
        articles.setAll(result.articles());
        notices.show(result.notice().map(Notice::fromAssist).orElse(result.replies().isEmpty() && result.articles().isEmpty()
                ? Notice.of(Notice.Kind.NOTHING) : Notice.NONE));
    }

    /**
     * The suggestion shown at {@code rank} (1-based), if the agent may still insert it. A Smart Reply a
     * supervisor withdrew since it was shown leaves the panel instead, and the notice says why.
     */
    Optional<Suggestion> take(int rank) {
        Optional<Suggestion> s = suggestionAt(rank);
        if (s.isPresent() && !assistant.stillOffered(s.get())) {
            withdrawn(s.get());
            return Optional.empty();
        }
        return s;
    }

    /** The suggestion shown at {@code rank} (1-based), if there is one. */
    public Optional<Suggestion> suggestionAt(int rank) {
        return rank < 1 || rank > suggestions.size() ? Optional.empty() : Optional.of(suggestions.get(rank - 1));
    }

    /** A supervisor withdrew {@code s} (found when inserting or sending it). */
    void withdrawn(Suggestion s) {
        suggestions.remove(s);
        onGone.accept(s);
        notices.show(Notice.Kind.WITHDRAWN);
    }

    /** The agent dismisses suggestion {@code rank}; it is logged as rejected and leaves the panel. */
    public void reject(int rank) {
        reject(rank, Optional.empty());
    }

    /** As {@link #reject(int)}, with the agent's reason ("outdated", "wrong topic"), if given. */
    public void reject(int rank, Optional<String> reason) {
        suggestionAt(rank).ifPresent(s -> reject(s, reason));
    }

    /**
     * The agent rejects {@code s} with a reason from the short list and/or their own words (both optional).
     * Works even when a newer customer turn replaced the panel while the agent chose: the rejection was
     * of what they saw, and is logged all the same.
     */
    public void reject(Suggestion s, Optional<RejectReason> reason, Optional<String> note) {
        reject(s, RejectReason.describe(reason, note));
    }

    private void reject(Suggestion s, Optional<String> reason) {
        suggestions.remove(s);
        onGone.accept(s);
        tasks.execute(texts.get("activity.feedback"), io, () -> {
            assistant.reject(s, reason, agent);
            return null;
        }, ignored -> { }, notices::failed);
    }

    public ObservableList<Suggestion> suggestions() {
        return suggestions;
    }

    public ObservableList<ArticleHit> articles() {
        return articles;
    }

    public ReadOnlyBooleanProperty suggestingProperty() {
        return suggesting.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notices.property();
    }
}
