package app.tandem.assist;

import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.kb.KnowledgeBase;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns from resolved conversations: when a conversation closes, each customer question that the
 * agent answered with an article's suggestion (accepted or edited) becomes a learned question of
 * that article, with personal data masked, so the next customer asking the same way finds it.
 */
public final class ResolutionLearner implements ConversationListener {

    private static final Logger log = LoggerFactory.getLogger(ResolutionLearner.class);

    private final ConversationService conversations;
    private final SuggestionLog suggestions;
    private final KnowledgeBase knowledgeBase;

    public ResolutionLearner(ConversationService conversations, SuggestionLog suggestions, KnowledgeBase knowledgeBase) {
        this.conversations = conversations;
        this.suggestions = suggestions;
        this.knowledgeBase = knowledgeBase;
    }

    @Override
    public void conversationClosed(Conversation conversation) {
        try {
            learnFrom(conversation.id());
        } catch (RuntimeException e) {
            // Learning is a bonus: a failure must never undo or block closing the conversation.
            log.warn("Could not learn from conversation {}: {}", conversation.id(), e.getMessage());
        }
    }

    /** Returns how many new questions were learned. */
    public int learnFrom(long conversationId) {
        List<Message> turns = conversations.messages(conversationId);
        int learned = 0;
        for (SuggestionLog.Logged s : suggestions.forConversation(conversationId)) {
            boolean used = s.action() == SuggestionAction.ACCEPTED || s.action() == SuggestionAction.EDITED;
            if (!used || s.source() != SuggestionSource.ARTICLE) {
                continue;
            }
            List<Message> upToQuestion = turns.stream().filter(m -> m.seq() <= s.messageSeq()).toList();
            String question = AssistService.customerQuestion(upToQuestion);
            String agent = turns.stream().filter(m -> m.seq() > s.messageSeq() && m.agent().isPresent())
                    .map(m -> m.agent().get()).findFirst().orElse("agent");
            if (!question.isBlank()
                    && knowledgeBase.learnQuestion(s.sourceRef(), question, OptionalLong.of(conversationId), agent).isPresent()) {
                learned++;
            }
        }
        return learned;
    }
}
