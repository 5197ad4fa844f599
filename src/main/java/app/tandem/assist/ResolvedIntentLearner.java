package app.tandem.assist;

import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.kb.Article;
import app.tandem.kb.KnowledgeBase;
import app.tandem.nlp.intent.IntentTrainingSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns resolved conversations into intent training examples: when a conversation closes, each
 * customer question the agent answered with an article's suggestion (accepted or edited) is an example
 * of that article's intent — when the article lists exactly one. An article about several intents does
 * not say which one the customer meant, and a turn whose intent an agent corrected already has its
 * example from the correction, which wins.
 */
public final class ResolvedIntentLearner implements ConversationListener {

    private static final Logger log = LoggerFactory.getLogger(ResolvedIntentLearner.class);

    private final ConversationService conversations;
    private final SuggestionLog suggestions;
    private final KnowledgeBase knowledgeBase;
    private final IntentCorrections corrections;
    private final IntentTrainingSet examples;

    public ResolvedIntentLearner(ConversationService conversations, SuggestionLog suggestions, KnowledgeBase knowledgeBase,
                                 IntentCorrections corrections, IntentTrainingSet examples) {
        this.conversations = conversations;
        this.suggestions = suggestions;
        this.knowledgeBase = knowledgeBase;
        this.corrections = corrections;
        this.examples = examples;
    }

    @Override
    public void conversationClosed(Conversation conversation) {
        try {
            learnFrom(conversation.id());
        } catch (RuntimeException e) {
            // Training data is a bonus: a failure must never undo or block closing the conversation.
            log.warn("No intent examples from conversation {}: {}", conversation.id(), e.getMessage());
        }
    }

    /** Returns how many new examples were stored. */
    public int learnFrom(long conversationId) {
        List<Message> turns = conversations.messages(conversationId);
        Set<Integer> corrected = corrections.correctedIntentTurns(conversationId);
        int added = 0;
        for (SuggestionLog.Logged s : suggestions.forConversation(conversationId)) {
            boolean used = s.action() == SuggestionAction.ACCEPTED || s.action() == SuggestionAction.EDITED;
            if (!used || s.source() != SuggestionSource.ARTICLE) {
                continue;
            }
            List<String> intents = knowledgeBase.find(s.sourceRef()).map(Article::intents).orElse(List.of());
            if (intents.size() != 1) {
                continue;
            }
            List<Message> upToQuestion = turns.stream().filter(m -> m.seq() <= s.messageSeq()).toList();
            boolean wasCorrected = upToQuestion.stream().filter(Message::fromCustomer).map(Message::seq)
                    .filter(seq -> seq > lastAgentTurn(upToQuestion)).anyMatch(corrected::contains);
            String question = AssistService.customerQuestion(upToQuestion);
            if (!wasCorrected && !question.isBlank() && examples.add(question, intents.get(0), "conversation:" + conversationId)) {
                added++;
            }
        }
        return added;
    }

    private static int lastAgentTurn(List<Message> turns) {
        return turns.stream().filter(m -> !m.fromCustomer()).mapToInt(Message::seq).max().orElse(0);
    }
}
