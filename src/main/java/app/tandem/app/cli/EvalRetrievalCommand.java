package app.tandem.app.cli;

import app.tandem.app.Encoders;
import app.tandem.eval.Datasets;
import app.tandem.kb.RetrievalMode;
import app.tandem.kb.SemanticEncoders;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import app.tandem.eval.LabelledText;
import app.tandem.eval.RetrievalEvaluation;
import app.tandem.kb.Article;
import app.tandem.kb.KbFolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tandem eval retrieval}: right-article rates of the knowledge-base search on labelled questions. */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = {"Top-1, top-3 and MRR of the right KB article for labelled customer questions.",
                "Banking77: a stratified validation split of train.csv; an article is right when its front matter lists the intent."})
public final class EvalRetrievalCommand implements Callable<Integer> {

    @Option(names = "--dataset", defaultValue = "banking77", description = "banking77 (default)")
    String dataset;

    @Option(names = "--train", paramLabel = "FILE", description = "CSV text,category with Banking77 intent names (used with --test)")
    Path train;

    @Option(names = "--test", paramLabel = "FILE", description = "CSV text,category: the questions to evaluate")
    Path test;

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of each intent held out (default 0.1)")
    double validation;

    @Option(names = "--seed", defaultValue = "77", description = "Seed of the split (default 77)")
    long seed;

    @Option(names = "--warm", split = ",", defaultValue = "1,5,20,-1",
            description = "Learned questions per intent for the warm settings; -1 means all (default 1,5,20,-1)")
    int[] warmSizes;

    @Option(names = "--keywords-only", description = "Skip the language models (BM25 only)")
    boolean keywordsOnly;

    @Option(names = "--out", defaultValue = "eval-results", paramLabel = "FOLDER", description = "Where CSV and JSON go")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<LabelledText> queries;
        List<LabelledText> pool;
        String source;
        if (test != null) {
            queries = Datasets.readTextCategoryCsv(test);
            pool = train == null ? List.of() : Datasets.readTextCategoryCsv(train);
            source = test + (train == null ? "" : ", learning from " + train);
        } else if (dataset.equals("banking77")) {
            Path folder = Datasets.sharedFolder().orElseThrow(() -> new IllegalArgumentException(
                    "Cannot find shared/datasets: set TANDEM_DATASETS or pass --test FILE")).resolve("banking77");
            Datasets.Split split = Datasets.stratified(Datasets.readTextCategoryCsv(folder.resolve("train.csv")), validation, seed);
            queries = split.held();
            pool = split.train();
            source = "banking77 train.csv, validation split " + validation + " seed " + seed;
        } else {
            System.err.println("Unknown dataset \"" + dataset + "\". Known: banking77, or --test FILE.");
            return 2;
        }
        List<Article> english = KbFolder.readBundled(Instant.now()).articles().stream()
                .filter(a -> a.language().equals("en")).toList();
        System.out.printf("Retrieval evaluation: %d questions (%s), %d English articles%n", queries.size(), source, english.size());

        List<RetrievalEvaluation.Result> results = new ArrayList<>();
        TextProgress progress = TextProgress.onStandardError();
        try (EncoderService service = keywordsOnly ? null : EncoderService.start(EncoderSettings.defaults(Optional.empty()))) {
            SemanticEncoders encoders = service == null ? SemanticEncoders.none()
                    : RetrievalEvaluation.cached(Encoders.semantic(service));
            encoders.forLanguage("en").ifPresentOrElse(e -> System.out.println("Vectors: " + e.modelId()),
                    () -> System.out.println("Vectors: none (keyword search only)"));
            List<RetrievalMode> modes = List.of(RetrievalMode.values());
            results.addAll(RetrievalEvaluation.evaluate(english, List.of(), queries, "en", "cold start", encoders, modes, progress));
            if (!pool.isEmpty()) {
                for (int n : warmSizes) {
                    List<LabelledText> learned = RetrievalEvaluation.firstPerLabel(pool, n, seed);
                    String setting = "warm " + (n < 0 ? "all" : "N=" + n);
                    results.addAll(RetrievalEvaluation.evaluate(english, learned, queries, "en", setting, encoders, modes, progress));
                }
            }
        }

        System.out.printf("%n%-9s %-12s %8s %8s %8s %8s%n", "method", "setting", "queries", "top-1", "top-3", "MRR");
        for (RetrievalEvaluation.Result r : results) {
            System.out.printf(Locale.ROOT, "%-9s %-12s %8d %7.1f%% %7.1f%% %8.3f%n", r.method(), r.setting(), r.queries(),
                    100 * r.top1(), 100 * r.top3(), r.mrr());
            if (r.uncoveredLabels() > 0) {
                System.out.println("         " + r.uncoveredLabels() + " labels have no article: their questions count as misses");
            }
        }
        write(results);
        return 0;
    }

    private void write(List<RetrievalEvaluation.Result> results) throws IOException {
        Files.createDirectories(out);
        Path json = out.resolve("retrieval-" + dataset + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        StringBuilder csv = new StringBuilder("method,setting,queries,top1,top3,mrr\n");
        results.forEach(r -> csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.4f%n",
                r.method(), r.setting(), r.queries(), r.top1(), r.top3(), r.mrr())));
        Path csvFile = out.resolve("retrieval-" + dataset + ".csv");
        Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
        System.out.println("\nWrote " + json + " and " + csvFile);
    }
}
