package app.tandem.eval;

import app.tandem.kb.AlternateQuestion;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.KbIndex;
import app.tandem.kb.QueryVector;
import app.tandem.kb.RetrievalMode;
import app.tandem.kb.SemanticEncoders;
import app.tandem.kb.SearchFilter;
import app.tandem.privacy.Redactor;
import app.tandem.work.Progress;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

/**
 * How often the knowledge base puts the right article first (or in the top three) for real customer
 * questions: each question is labelled with an intent, and an article is right when its front matter
 * lists that intent. Runs the product's own index (real Lucene, in a temporary folder).
 */
public final class RetrievalEvaluation {

    private static final int DEPTH = 10;

    /** One method's figures on one query set. */
    public record Result(String method, String setting, int queries, double top1, double top3, double mrr,
                         int uncoveredLabels) {}

    private RetrievalEvaluation() {}

    /**
     * Evaluates retrieval over {@code articles} (already filtered to the queries' language), with
     * {@code learned} questions indexed beside them as if agents had resolved those conversations,
     * once per mode on the same index. Vector modes need {@code encoders} for the language.
     */
    public static List<Result> evaluate(List<Article> articles, List<LabelledText> learned, List<LabelledText> queries,
                                        String language, String setting, SemanticEncoders encoders,
                                        List<RetrievalMode> modes, Progress progress) {
        Map<String, Set<String>> intentsByArticle = new HashMap<>();
        Set<String> covered = new HashSet<>();
        articles.forEach(a -> {
            intentsByArticle.put(a.id(), new HashSet<>(a.intents()));
            covered.addAll(a.intents());
        });
        int uncovered = (int) queries.stream().map(LabelledText::label).distinct().filter(l -> !covered.contains(l)).count();
        try (TempFolder folder = new TempFolder("tandem-eval-index"); KbIndex index = KbIndex.open(folder.path())) {
            progress.update(0, 1, "indexing (" + setting + ")");
            index.rebuild(articles, asQuestions(articles, learned), encoders, Progress.NONE);
            List<Result> results = new ArrayList<>();
            SearchFilter filter = SearchFilter.publishedOnly().inLanguage(language);
            for (RetrievalMode mode : modes) {
                boolean needsVectors = mode != RetrievalMode.KEYWORDS;
                if (needsVectors && encoders.forLanguage(language).isEmpty()) {
                    continue;
                }
                RankingMetrics metrics = new RankingMetrics();
                int done = 0;
                for (LabelledText q : queries) {
                    progress.checkCancelled();
                    Optional<QueryVector> vector = needsVectors
                            ? encoders.forLanguage(language).map(e -> new QueryVector(language, e.encodeQuery(q.text())))
                            : Optional.empty();
                    metrics.add(rankOfRight(index.search(q.text(), vector, filter, DEPTH, mode), intentsByArticle, q.label()));
                    if (++done % 50 == 0 || done == queries.size()) {
                        progress.update(done, queries.size(), mode.name().toLowerCase() + " " + setting);
                    }
                }
                results.add(new Result(mode.name().toLowerCase(), setting, metrics.queries(), metrics.top1(), metrics.top3(),
                        metrics.mrr(), uncovered));
            }
            return results;
        }
    }

    /** Wraps each encoder so texts met again (same questions, same passages) are encoded once. */
    public static SemanticEncoders cached(SemanticEncoders encoders) {
        Map<String, app.tandem.nlp.TextEncoder> wrapped = new HashMap<>();
        encoders.byLanguage().forEach((lang, e) -> wrapped.put(lang, new CachingTextEncoder(e)));
        return new SemanticEncoders(wrapped, encoders.spaces());
    }

    private static int rankOfRight(List<ArticleHit> hits, Map<String, Set<String>> intentsByArticle, String label) {
        for (int i = 0; i < hits.size(); i++) {
            if (intentsByArticle.getOrDefault(hits.get(i).articleId(), Set.of()).contains(label)) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * Labelled texts as learned questions of the article that answers their label (the first one
     * whose front matter lists it), as resolution learning would have stored them.
     */
    static Map<String, List<AlternateQuestion>> asQuestions(List<Article> articles, List<LabelledText> learned) {
        Map<String, String> articleForLabel = new HashMap<>();
        articles.forEach(a -> a.intents().forEach(i -> articleForLabel.putIfAbsent(i, a.id())));
        Map<String, List<AlternateQuestion>> questions = new HashMap<>();
        long id = 0;
        for (LabelledText t : learned) {
            String articleId = articleForLabel.get(t.label());
            if (articleId != null) {
                questions.computeIfAbsent(articleId, k -> new ArrayList<>()).add(new AlternateQuestion(++id, articleId,
                        Redactor.redact(t.text()), OptionalLong.empty(), Instant.EPOCH, "eval"));
            }
        }
        return questions;
    }

    /** Up to {@code perLabel} texts of each label (all when negative), in a fixed shuffled order. */
    public static List<LabelledText> firstPerLabel(List<LabelledText> pool, int perLabel, long seed) {
        List<LabelledText> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, new Random(seed));
        Map<String, Integer> taken = new HashMap<>();
        List<LabelledText> out = new ArrayList<>();
        for (LabelledText t : shuffled) {
            int n = taken.merge(t.label(), 1, Integer::sum);
            if (perLabel < 0 || n <= perLabel) {
                out.add(t);
            }
        }
        return out;
    }


}
