package app.tandem.eval;

import app.tandem.kb.AlternateQuestion;
import app.tandem.kb.Article;
import app.tandem.kb.KbIndex;
import app.tandem.kb.QueryVector;
import app.tandem.kb.RetrievalMode;
import app.tandem.kb.SearchFilter;
import app.tandem.kb.SemanticEncoders;
import app.tandem.work.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Knowledge-base search speed at growing sizes: the shipped articles plus real customer sentences
 * from the shared datasets indexed as extra passages (English: Banking77, CLINC150; Chinese: ATEC),
 * timed as the desk does it — query encoding plus the blended keyword and vector search.
 */
public final class RetrievalBenchmark {

    /** Figures at one index size. */
    public record Result(int passages, double buildSeconds, double passagesPerSecond, double p50Millis,
                         double p99Millis, double encodeP50Millis, int queries) {}

    private RetrievalBenchmark() {}

    /** English and Chinese sentences to fill the index with, in a fixed order, without duplicates. */
    public static List<String> fillerSentences(Path datasets, int limit) {
        Set<String> out = new LinkedHashSet<>();
        Datasets.readTextCategoryCsv(datasets.resolve("banking77/train.csv")).forEach(t -> out.add(t.text()));
        try {
            JsonNode clinc = new ObjectMapper().readTree(datasets.resolve("clinc150/data_full.json").toFile());
            for (String part : List.of("train", "val", "test", "oos_train", "oos_val", "oos_test")) {
                clinc.path(part).forEach(row -> out.add(row.get(0).asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CLINC150", e);
        }
        QuestionMatching.readAtec(datasets.resolve("zh-atec/atec_nlp_sim_train.csv"), -1, 7).forEach(p -> {
            out.add(p.first());
            out.add(p.second());
        });
        return out.stream().limit(limit).toList();
    }

    /**
     * Builds an index of each size (articles plus filler sentences as learned questions of the first
     * article of their language) and times {@code queries} searches against it.
     */
    public static List<Result> run(List<Article> articles, List<String> filler, List<String> queries, int[] sizes,
                                   SemanticEncoders encoders, Progress progress, Consumer<Result> done) {
        int articleDocs = articles.size() * 8;
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            int extra = Math.max(0, Math.min(filler.size(), size - articleDocs));
            Map<String, List<AlternateQuestion>> questions = asQuestions(articles, filler.subList(0, extra));
            try (TempFolder folder = new TempFolder("tandem-bench-index"); KbIndex index = KbIndex.open(folder.path())) {
                long start = System.nanoTime();
                index.rebuild(articles, questions, encoders, progress);
                double buildSeconds = (System.nanoTime() - start) / 1e9;
                int passages = index.passageCount();
                double[] total = new double[queries.size()];
                double[] encode = new double[queries.size()];
                for (int i = 0; i < queries.size(); i++) {
                    progress.checkCancelled();
                    String q = queries.get(i);
                    String language = q.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                            ? "zh" : "en";
                    long t0 = System.nanoTime();
                    float[] vector = encoders.forLanguage(language).map(e -> e.encodeQuery(q)).orElse(null);
                    long t1 = System.nanoTime();
                    index.search(q, vector == null ? java.util.Optional.empty()
                                    : java.util.Optional.of(new QueryVector(language, vector)),
                            SearchFilter.publishedOnly(), 5, RetrievalMode.BLEND);
                    long t2 = System.nanoTime();
                    encode[i] = (t1 - t0) / 1e6;
                    total[i] = (t2 - t0) / 1e6;
                }
                Result result = new Result(passages, buildSeconds, passages / buildSeconds, percentile(total, 50),
                        percentile(total, 99), percentile(encode, 50), queries.size());
                results.add(result);
                done.accept(result);
            }
        }
        return results;
    }

    private static Map<String, List<AlternateQuestion>> asQuestions(List<Article> articles, List<String> sentences) {
        Map<String, String> firstArticleOf = new HashMap<>();
        articles.forEach(a -> firstArticleOf.putIfAbsent(a.language(), a.id()));
        Map<String, List<AlternateQuestion>> out = new HashMap<>();
        long id = 0;
        for (String s : sentences) {
            boolean chinese = s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            String articleId = firstArticleOf.get(chinese ? "zh" : "en");
            out.computeIfAbsent(articleId, k -> new ArrayList<>())
                    .add(new AlternateQuestion(++id, articleId, s, OptionalLong.empty(), Instant.EPOCH, "bench"));
        }
        return out;
    }

    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }


}
