package app.tandem.ui.desk;

import app.tandem.assist.ConversationSummary;
import app.tandem.assist.ReplyService;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Closing the conversation on screen with the agent's summary, and the draft summary offered for it. */
public final class CloseConversationViewModel {

    /** What closing needs; all of it may block. */
    public interface Closing {
        ConversationSummary.Parts draftSummary(long conversationId);

        void close(long conversationId, String summary);

        static Closing of(ReplyService replies, ConversationService conversations) {
            return new Closing() {
                @Override
                public ConversationSummary.Parts draftSummary(long conversationId) {
                    return replies.draftSummary(conversationId);
                }

                @Override
                public void close(long conversationId, String summary) {
                    conversations.close(conversationId, summary);
                }
            };
        }
    }

    private final Closing closing;
    private final OnScreen screen;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;

    public CloseConversationViewModel(Closing closing, OnScreen screen, TaskExecutor tasks, Executor io, Texts texts) {
        this.closing = closing;
        this.screen = screen;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
    }

    /** The conversation the close dialog is about, if one is on screen. */
    public Optional<Conversation> conversation() {
        return screen.selected();
    }

    /** Computes a draft summary of the conversation on screen; {@code onDraft} runs on the UI thread. */
    public void draftSummary(Consumer<String> onDraft) {
        Optional<Conversation> conversation = screen.selected();
        if (conversation.isEmpty()) {
            return;
        }
        long id = conversation.get().id();
        tasks.execute(texts.get("activity.closing"), io, () -> summaryText(closing.draftSummary(id)), onDraft, e -> { });
    }

    /** A draft summary laid out in the agent's language; the conversation's own words stay as they were said. */
    String summaryText(ConversationSummary.Parts p) {
        StringBuilder out = new StringBuilder(texts.format("summary.issue", p.issue().isBlank() ? texts.get("summary.noIssue") : p.issue()));
        List<String> actions = new ArrayList<>();
        p.macros().forEach(id -> actions.add(texts.format("summary.macro", id)));
        p.pastReplies().forEach(id -> actions.add(texts.format("summary.pastReply", id)));
        if (!actions.isEmpty()) {
            out.append('\n').append(texts.format("summary.actions", String.join(texts.get("summary.separator"), actions)));
        }
        out.append('\n').append(texts.format("summary.resolution",
                p.resolution().isBlank() ? texts.get("summary.noResolution") : p.resolution()));
        if (!p.articles().isEmpty()) {
            out.append('\n').append(texts.format("summary.articles", String.join(texts.get("summary.separator"), p.articles())));
        }
        return out.toString();
    }

    /** Closes the conversation on screen with the agent's summary. */
    public void close(String summary, Consumer<Throwable> onFailure) {
        Optional<Conversation> conversation = screen.selected();
        if (conversation.isEmpty()) {
            return;
        }
        long id = conversation.get().id();
        tasks.execute(texts.get("activity.closing"), io, () -> {
            closing.close(id, summary);
            return null;
        }, ignored -> { }, onFailure);
    }
}
