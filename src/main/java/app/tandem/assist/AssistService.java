package app.tandem.assist;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.SearchFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Computes suggestions for a conversation's latest customer turn: the knowledge base is searched
 * with what the customer has said since the agent last replied, and the best passage of each top
 * article becomes a reply in the customer's language. Runs off the FX thread.
 */
public final class AssistService {

    public static final int MAX_REPLIES = 3;
    public static final int MAX_ARTICLES = 5;
    /** BM25 scores are unbounded; this maps them to 0..1 until a calibrated ranker replaces it. */
    private static final double HALF_CONFIDENCE_SCORE = 8.0;

    private final KnowledgeBase knowledgeBase;
    private final SuggestionLog log;

    public AssistService(KnowledgeBase knowledgeBase, SuggestionLog log) {
        this.knowledgeBase = knowledgeBase;
        this.log = log;
    }

    /** Suggestions for the conversation as it stands in {@code turns}; logs what will be shown. */
    public Suggestions suggest(long conversationId, List<Message> turns, String agent) {
        Optional<Message> latest = lastCustomerTurn(turns);
        if (latest.isEmpty()) {
            return Suggestions.none(conversationId, 0, "Waiting for the customer.");
        }
        int seq = latest.get().seq();
        String query = unansweredCustomerText(turns);
        String language = knowledgeBase.languageOf(query);
        List<ArticleHit> hits = knowledgeBase.search(query, SearchFilter.publishedOnly(), MAX_ARTICLES);
        if (hits.isEmpty() && knowledgeBase.count() == 0) {
            return Suggestions.none(conversationId, seq,
                    "The knowledge base is empty: a supervisor can write or import articles in the Knowledge base tab.");
        }
        if (hits.isEmpty()) {
            return Suggestions.none(conversationId, seq, "No matching article: search the knowledge base or escalate.");
        }
        List<Suggestion> replies = new ArrayList<>();
        for (ArticleHit hit : hits) {
            if (replies.size() == MAX_REPLIES) {
                break;
            }
            if (!hit.language().equals(language)) {
                continue;
            }
            double confidence = confidence(hit);
            replies.add(new Suggestion(0, replies.size() + 1, ReplyPhrasing.reply(hit.passage(), language), confidence,
                    SuggestionSource.ARTICLE, hit.articleId(), OptionalInt.of(hit.version()), why(hit)));
        }
        List<Suggestion> logged = replies.isEmpty() ? replies : log.recordShown(conversationId, seq, replies, agent);
        return new Suggestions(conversationId, seq, logged, hits, Optional.empty());
    }

    /**
     * 0..1, uncalibrated until the reply-ranking work calibrates it on feedback: the cosine similarity
     * stretched over the range where related and unrelated questions fall for these encoders, or a
     * squashed BM25 score when no vectors were used.
     */
    static double confidence(ArticleHit hit) {
        if (hit.hasSimilarity()) {
            return Math.max(0, Math.min(1, (hit.similarity() - 0.2) / 0.6));
        }
        return hit.score() / (hit.score() + HALF_CONFIDENCE_SCORE);
    }

    private static String why(ArticleHit hit) {
        String from = "From \"" + hit.title() + "\" (v" + hit.version() + ")";
        if (hit.matchedQuestion().isPresent()) {
            return from + ": a customer asked this before: \"" + hit.matchedQuestion().get() + "\"";
        }
        List<String> words = hit.snippet().matchedWords().stream().distinct().limit(5).toList();
        return words.isEmpty() ? from : from + ", matching: " + String.join(", ", words);
    }

    private static Optional<Message> lastCustomerTurn(List<Message> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).fromCustomer()) {
                return Optional.of(turns.get(i));
            }
        }
        return Optional.empty();
    }

    /** What the customer asked that the agent has not answered yet: their turns since the agent last spoke. */
    static String customerQuestion(List<Message> turns) {
        List<String> parts = new ArrayList<>();
        for (int i = turns.size() - 1; i >= 0 && turns.get(i).author() == Author.CUSTOMER; i--) {
            parts.add(0, turns.get(i).text());
        }
        return String.join("\n", parts);
    }

    /**
     * The customer's turns since the agent last spoke — together they are the open question — and,
     * after them, the customer's turns of the exchange before, so that a follow-up such as "yes,
     * send it to my work address" still finds the topic. (Weighted context is a later step.)
     */
    static String unansweredCustomerText(List<Message> turns) {
        List<String> parts = new ArrayList<>();
        int i = turns.size() - 1;
        for (; i >= 0 && turns.get(i).author() == Author.CUSTOMER; i--) {
            parts.add(0, turns.get(i).text());
        }
        while (i >= 0 && turns.get(i).author() == Author.AGENT) {
            i--;
        }
        List<String> previous = new ArrayList<>();
        for (; i >= 0 && turns.get(i).author() == Author.CUSTOMER; i--) {
            previous.add(0, turns.get(i).text());
        }
        parts.addAll(previous);
        return String.join("\n", parts);
    }
}
