package app.tandem.eval;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.KbIndex;
import app.tandem.kb.SearchFilter;
import app.tandem.work.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

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

    /** Evaluates BM25 retrieval over {@code articles} (already filtered to the queries' language). */
    public static Result bm25(List<Article> articles, List<LabelledText> queries, String language, String setting,
                              Progress progress) {
        Map<String, Set<String>> intentsByArticle = new HashMap<>();
        Set<String> covered = new HashSet<>();
        articles.forEach(a -> {
            intentsByArticle.put(a.id(), new HashSet<>(a.intents()));
            covered.addAll(a.intents());
        });
        Path folder = tempFolder();
        try (KbIndex index = KbIndex.open(folder)) {
            index.rebuild(articles, Progress.NONE);
            RankingMetrics metrics = new RankingMetrics();
            SearchFilter filter = SearchFilter.publishedOnly().inLanguage(language);
            int done = 0;
            for (LabelledText q : queries) {
                progress.checkCancelled();
                List<ArticleHit> hits = index.search(q.text(), filter, DEPTH);
                int rank = 0;
                for (int i = 0; i < hits.size(); i++) {
                    if (intentsByArticle.getOrDefault(hits.get(i).articleId(), Set.of()).contains(q.label())) {
                        rank = i + 1;
                        break;
                    }
                }
                metrics.add(rank);
                if (++done % 50 == 0 || done == queries.size()) {
                    progress.update(done, queries.size(), "BM25 " + setting);
                }
            }
            int uncovered = (int) queries.stream().map(LabelledText::label).distinct().filter(l -> !covered.contains(l)).count();
            return new Result("bm25", setting, metrics.queries(), metrics.top1(), metrics.top3(), metrics.mrr(), uncovered);
        } finally {
            delete(folder);
        }
    }

    private static Path tempFolder() {
        try {
            return Files.createTempDirectory("tandem-eval-index");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
