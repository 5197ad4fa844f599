package app.tandem.assist;

import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.conversation.MessageRejectedException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sends the agent's reply and records what happened to the suggestions: the one used is accepted
 * (or edited, with the edit distance), the others shown for the conversation are ignored. A reply
 * that still holds an unfilled macro variable is refused with a message saying what to fill in.
 */
public final class ReplyService {

    /** The size of suggestions.reject_reason (V11__macros.sql): a longer reason is refused here, not by the database. */
    public static final int MAX_REASON_LENGTH = 500;

    private final ConversationService conversations;
    private final SuggestionLog log;

    public ReplyService(ConversationService conversations, SuggestionLog log) {
        this.conversations = conversations;
        this.log = log;
    }

    /**
     * Sends {@code text}; {@code basedOn} is the suggestion the agent inserted before editing, if any.
     * Empty text sends nothing.
     */
    public Optional<Message> send(long conversationId, String text, Optional<Suggestion> basedOn, String agent) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String clean = text.strip();
        List<String> gaps = Placeholders.unfilled(clean);
        if (!gaps.isEmpty()) {
            // Raw braces or a marked gap must never reach the customer: the agent fills them in first.
            throw new MessageRejectedException(MessageRejectedException.Reason.GAPS_TO_FILL,
                    String.join(", ", gaps.stream().distinct().toList()));
        }
        MessageOrigin origin = MessageOrigin.TYPED;
        Integer distance = null;
        if (basedOn.isPresent()) {
            distance = EditDistance.between(basedOn.get().text().strip(), clean);
            origin = distance == 0 ? MessageOrigin.SUGGESTION_ACCEPTED : MessageOrigin.SUGGESTION_EDITED;
        }
        OptionalLong suggestionId = basedOn.map(s -> OptionalLong.of(s.id())).orElse(OptionalLong.empty());
        Optional<Message> sent = conversations.sendFromAgent(conversationId, clean, origin, suggestionId, agent);
        if (sent.isPresent() && basedOn.isPresent() && basedOn.get().id() > 0) {
            SuggestionAction action = distance == 0 ? SuggestionAction.ACCEPTED : SuggestionAction.EDITED;
            log.recordAction(basedOn.get().id(), action, distance, agent);
        }
        sent.ifPresent(m -> log.ignoreUnanswered(conversationId, agent));
        return sent;
    }

    /** A draft summary for closing the conversation (issue, actions, resolution, articles used), in pieces. */
    public ConversationSummary.Parts draftSummary(long conversationId) {
        return ConversationSummary.parts(conversations.messages(conversationId), log.forConversation(conversationId));
    }

    /** The agent dismissed a suggestion (a keystroke in the side panel). */
    public void reject(Suggestion suggestion, String agent) {
        reject(suggestion, Optional.empty(), agent);
    }

    /**
     * The agent dismissed a suggestion and may have said why ("wrong article", "outdated"). A reason over
     * {@link #MAX_REASON_LENGTH} is refused, and the suggestion stays unrejected in the log: it used to be cut
     * without a word, losing the end of what the agent wrote. The desk's field counts down to the limit.
     */
    public void reject(Suggestion suggestion, Optional<String> reason, String agent) {
        Optional<String> clean = reason.map(String::strip).filter(r -> !r.isEmpty());
        if (clean.isPresent() && clean.get().length() > MAX_REASON_LENGTH) {
            throw new MessageRejectedException(MessageRejectedException.Reason.REJECT_REASON_TOO_LONG,
                    String.valueOf(clean.get().length()), String.valueOf(MAX_REASON_LENGTH));
        }
        if (suggestion.id() > 0) {
            log.recordRejection(suggestion.id(), clean, agent);
        }
    }
}
