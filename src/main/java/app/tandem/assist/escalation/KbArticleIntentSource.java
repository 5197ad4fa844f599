package app.tandem.assist.escalation;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.SearchFilter;
import app.tandem.nlp.Language;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default intent source until a trained model exists: the keyword rules first (they know the
 * urgent intents), else the intent listed first in the front matter of the best-matching published
 * article, when the match is good enough. Article intents are Banking77 names, so a trained model's
 * answers and these agree on vocabulary.
 */
public final class KbArticleIntentSource implements IntentSource {

    /** BM25 score at which an article's intent is trusted (the same scale AssistService maps to 50% confidence). */
    static final double MIN_SCORE = 8.0;

    private final KnowledgeBase knowledgeBase;
    private final IntentSource keywords;
    private final Map<String, List<String>> intentsByArticle = new ConcurrentHashMap<>();

    public KbArticleIntentSource(KnowledgeBase knowledgeBase, IntentSource keywords) {
        this.knowledgeBase = knowledgeBase;
        this.keywords = keywords;
    }

    @Override
    public Optional<DetectedIntent> detect(String text, Language language) {
        Optional<DetectedIntent> byKeywords = keywords.detect(text, language);
        if (byKeywords.isPresent() || text == null || text.isBlank()) {
            return byKeywords;
        }
        List<ArticleHit> hits = knowledgeBase.search(text, SearchFilter.publishedOnly(), 1);
        if (hits.isEmpty() || hits.get(0).score() < MIN_SCORE) {
            return Optional.empty();
        }
        ArticleHit best = hits.get(0);
        List<String> intents = intentsByArticle.computeIfAbsent(best.articleId() + "@" + best.version(),
                k -> knowledgeBase.find(best.articleId()).map(Article::intents).orElse(List.of()));
        if (intents.isEmpty()) {
            return Optional.empty();
        }
        String intent = intents.get(0);
        return Optional.of(new DetectedIntent(intent, best.score() / (best.score() + MIN_SCORE), UrgentIntents.isUrgent(intent),
                DetectedIntent.Origin.ARTICLE, best.title()));
    }
}
