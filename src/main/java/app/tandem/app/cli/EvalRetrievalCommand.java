package app.tandem.app.cli;

import app.tandem.app.Encoders;
import app.tandem.eval.Datasets;
import app.tandem.eval.FaqDataset;
import app.tandem.eval.LabelledText;
import app.tandem.eval.QuestionMatching;
import app.tandem.eval.RetrievalEvaluation;
import app.tandem.kb.Article;
import app.tandem.kb.KbFolder;
import app.tandem.kb.RetrievalMode;
import app.tandem.kb.SemanticEncoders;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tandem eval retrieval}: how well the knowledge-base search finds the right answer. */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = {"Top-1, top-3 and MRR of the right KB article for labelled customer questions, per ranking mode.",
                "banking77: a stratified validation split of train.csv against the shipped KB (an article is right when",
                "its front matter lists the intent), cold and warm (after learning N resolved questions per intent).",
                "bank-faqs: each question against the FAQ's answers. zh-atec: Chinese question matching (accuracy, F1).",
                "--test FILE (and --train FILE to learn from): outside CSV text,category with Banking77 intent names."})
public final class EvalRetrievalCommand implements Callable<Integer> {

    @Option(names = "--dataset", defaultValue = "banking77", description = "banking77 (default), bank-faqs, zh-atec")
    String dataset;

    @Option(names = "--train", paramLabel = "FILE", description = "CSV text,category with Banking77 intent names (used with --test)")
    Path train;

    @Option(names = "--test", paramLabel = "FILE", description = "CSV text,category: the questions to evaluate")
    Path test;

    @Mixin
    HeldOutSplitOptions heldOut;

    @Option(names = "--warm", split = ",", defaultValue = "1,5,20,-1",
            description = "Learned questions per intent for the warm settings; -1 means all (default 1,5,20,-1)")
    int[] warmSizes;

    @Option(names = "--pairs", defaultValue = "4000", description = "zh-atec: pairs sampled (default 4000; half choose the threshold)")
    int pairs;

    @Mixin
    KeywordsOnlyOption models;

    @Option(names = "--out", defaultValue = "eval-results", paramLabel = "FOLDER", description = "Where CSV and JSON go")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!List.of("banking77", "bank-faqs", "zh-atec").contains(dataset) && test == null) {
            System.err.println("Unknown dataset \"" + dataset + "\". Known: banking77, bank-faqs, zh-atec, or --test FILE.");
            return 2;
        }
        TextProgress progress = TextProgress.onStandardError();
        try (EncoderService service = models.keywordsOnly() ? null : EncoderService.start(EncoderSettings.defaults(Optional.empty()))) {
            SemanticEncoders encoders = service == null ? SemanticEncoders.none()
                    : RetrievalEvaluation.cached(Encoders.semantic(service));
            if (dataset.equals("zh-atec") && test == null) {
                return questionMatching(encoders, progress);
            }
            List<RetrievalEvaluation.Result> results = dataset.equals("bank-faqs") && test == null
                    ? faqs(encoders, progress) : banking(encoders, progress);
            print(results);
            write(results, "method,setting,queries,top1,top3,mrr", r -> String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.4f",
                    r.method(), r.setting(), r.queries(), r.top1(), r.top3(), r.mrr()));
            return 0;
        }
    }

    private List<RetrievalEvaluation.Result> banking(SemanticEncoders encoders, TextProgress progress) {
        List<LabelledText> queries;
        List<LabelledText> pool;
        String source;
        if (test != null) {
            queries = Datasets.readTextCategoryCsv(test);
            pool = train == null ? List.of() : Datasets.readTextCategoryCsv(train);
            source = test + (train == null ? "" : ", learning from " + train);
        } else {
            Datasets.Split split = Datasets.stratified(Datasets.readTextCategoryCsv(shared("banking77").resolve("train.csv")),
                    heldOut.validation(), heldOut.seed());
            queries = split.held();
            pool = split.train();
            source = "banking77 train.csv, validation split " + heldOut.validation() + " seed " + heldOut.seed();
        }
        // The questions' language picks the articles: a --test file of Chinese questions is asked of the Chinese ones.
        String language = Datasets.majorityLanguage(queries);
        List<Article> articles = KbFolder.readBundled(Instant.now()).articles().stream()
                .filter(a -> a.language().equals(language)).toList();
        System.out.printf("Retrieval: %d questions (%s), %d articles in %s, vectors: %s%n", queries.size(), source,
                articles.size(), language, encoders.forLanguage(language).map(e -> e.modelId()).orElse("none"));
        List<RetrievalMode> modes = List.of(RetrievalMode.values());
        List<RetrievalEvaluation.Result> results = new ArrayList<>(
                RetrievalEvaluation.evaluate(articles, List.of(), queries, language, "cold start", encoders, modes, progress));
        if (!pool.isEmpty()) {
            for (int n : warmSizes) {
                List<LabelledText> learned = RetrievalEvaluation.firstPerLabel(pool, n, heldOut.seed());
                String setting = "warm " + (n < 0 ? "all" : "N=" + n);
                results.addAll(RetrievalEvaluation.evaluate(articles, learned, queries, language, setting, encoders, modes, progress));
            }
        }
        return results;
    }

    private List<RetrievalEvaluation.Result> faqs(SemanticEncoders encoders, TextProgress progress) {
        FaqDataset faq = FaqDataset.read(shared("bank-faqs").resolve("BankFAQs.csv"));
        System.out.printf("Retrieval: %d bank FAQ questions against %d answers (internal evaluation data: no licence), "
                + "vectors: %s%n", faq.questions().size(), faq.articles().size(),
                encoders.forLanguage("en").map(e -> e.modelId()).orElse("none"));
        return RetrievalEvaluation.evaluate(faq.articles(), List.of(), faq.questions(), "en", "question→answer", encoders,
                List.of(RetrievalMode.values()), progress);
    }

    private int questionMatching(SemanticEncoders encoders, TextProgress progress) throws IOException {
        if (encoders.forLanguage("zh").isEmpty()) {
            System.err.println("zh-atec needs the Chinese encoder; it is not available.");
            return 1;
        }
        List<QuestionMatching.Pair> sample = QuestionMatching.readAtec(shared("zh-atec").resolve("atec_nlp_sim_train.csv"), pairs, heldOut.seed());
        System.out.printf("Question matching: %d ATEC pairs (seed %d; threshold chosen on the first half, figures on the "
                + "second; internal evaluation data: no licence), vectors: %s%n", sample.size(), heldOut.seed(),
                encoders.forLanguage("zh").get().modelId());
        List<QuestionMatching.Result> results = QuestionMatching.evaluate(sample, encoders.forLanguage("zh").get(), progress);
        System.out.printf("%n%-9s %8s %10s %9s %7s %8s%n", "method", "pairs", "threshold", "accuracy", "F1", "ROC-AUC");
        for (QuestionMatching.Result r : results) {
            System.out.printf(Locale.ROOT, "%-9s %8d %10.3f %8.1f%% %7.3f %8.3f%n", r.method(), r.pairs(), r.threshold(),
                    100 * r.accuracy(), r.f1(), r.rocAuc());
        }
        write(results, "method,pairs,threshold,accuracy,f1,roc_auc", r -> String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f,%.4f",
                r.method(), r.pairs(), r.threshold(), r.accuracy(), r.f1(), r.rocAuc()));
        return 0;
    }

    private static Path shared(String name) {
        return Datasets.sharedFolder().orElseThrow(() -> new IllegalArgumentException(
                "Cannot find shared/datasets: set TANDEM_DATASETS or pass --test FILE")).resolve(name);
    }

    private static void print(List<RetrievalEvaluation.Result> results) {
        System.out.printf("%n%-9s %-16s %8s %8s %8s %8s%n", "method", "setting", "queries", "top-1", "top-3", "MRR");
        for (RetrievalEvaluation.Result r : results) {
            System.out.printf(Locale.ROOT, "%-9s %-16s %8d %7.1f%% %7.1f%% %8.3f%n", r.method(), r.setting(), r.queries(),
                    100 * r.top1(), 100 * r.top3(), r.mrr());
        }
        results.stream().filter(r -> r.uncoveredLabels() > 0).findFirst().ifPresent(r -> System.out.println(
                r.uncoveredLabels() + " labels have no article: their questions count as misses"));
    }

    private <T> void write(List<T> results, String header, java.util.function.Function<T, String> row) throws IOException {
        Files.createDirectories(out);
        String name = "retrieval-" + (test != null ? "custom" : dataset);
        Path json = out.resolve(name + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        StringBuilder csv = new StringBuilder(header).append('\n');
        results.forEach(r -> csv.append(row.apply(r)).append('\n'));
        Path csvFile = out.resolve(name + ".csv");
        Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
        System.out.println("\nWrote " + json + " and " + csvFile);
    }
}
