package app.tandem.app.cli;

import app.tandem.eval.Datasets;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import app.tandem.nlp.Language;
import app.tandem.nlp.sentiment.LabelledTurn;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.nlp.sentiment.SentimentClassifier;
import app.tandem.nlp.sentiment.SentimentEvaluation;
import app.tandem.nlp.sentiment.SentimentTurns;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tandem eval sentiment}: accuracy and macro-F1 of the desk's sentiment classifier. */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
        description = {"Accuracy and macro-F1 of the sentiment classifier (neutral/negative/angry/urgent) on a stratified",
                "held-out split of the bundled turns, combined, model only and cues only; and, for Chinese, a binary",
                "check on shared/datasets/zh-sentiment (internal evaluation only: that data has no licence)."})
public final class EvalSentimentCommand implements Callable<Integer> {

    @Option(names = "--held-out", defaultValue = "0.25", description = "Share of each language and label held out (default 0.25)")
    double heldOut;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the split (default 7)")
    long seed;

    @Option(names = "--zh-reviews", defaultValue = "600", description = "Chinese reviews sampled for the binary check, half negative (0: skip)")
    int zhReviews;

    @Option(names = "--no-models", description = "Lexical cues only, as when the language models are not loaded")
    boolean noModels;

    @Override
    public Integer call() throws IOException {
        List<LabelledTurn> all = SentimentTurns.bundled();
        SentimentTurns.Split split = SentimentTurns.stratified(all, heldOut, seed);
        System.out.printf(Locale.ROOT, "Sentiment evaluation: %d labelled turns (%s), train %d, held out %d (%.0f%% per language and label, seed %d)%n",
                all.size(), SentimentTurns.BUNDLED, split.train().size(), split.held().size(), 100 * heldOut, seed);
        EncoderService encoders = noModels ? null : EncoderService.start(EncoderSettings.defaults(Optional.empty()));
        try {
            SentimentClassifier classifier;
            if (encoders == null) {
                classifier = SentimentClassifier.cuesOnly("--no-models");
                System.out.println("Models not loaded: lexical cues only.");
            } else {
                long start = System.nanoTime();
                classifier = SentimentClassifier.train(split.train(), encoders::encoderFor);
                System.out.printf(Locale.ROOT, "Trained the heads in %d ms on %s; models: %s%n", (System.nanoTime() - start) / 1_000_000,
                        encoders.status().device(), encoders.status().routing());
            }
            List<SentimentEvaluation.Report> reports = new ArrayList<>();
            for (SentimentClassifier.Mode mode : SentimentClassifier.Mode.values()) {
                if (encoders == null && mode != SentimentClassifier.Mode.CUES_ONLY) {
                    continue;
                }
                for (Language language : new Language[] {null, Language.EN, Language.ZH}) {
                    List<LabelledTurn> held = split.held().stream().filter(t -> language == null || t.language() == language).toList();
                    String setting = mode.name().toLowerCase(Locale.ROOT) + " " + (language == null ? "all" : language.code());
                    reports.add(SentimentEvaluation.evaluate(setting, held, batch -> classifier.classifyAll(batch, mode).stream().map(x -> x.sentiment()).toList()));
                }
            }
            System.out.printf("%n%-18s %6s %9s %9s   %s%n", "setting", "turns", "accuracy", "macro-F1", "F1 neutral/negative/angry/urgent");
            for (SentimentEvaluation.Report r : reports) {
                System.out.printf(Locale.ROOT, "%-18s %6d %8.1f%% %9.3f   %.2f / %.2f / %.2f / %.2f%n", r.setting(), r.turns(),
                        100 * r.accuracy(), r.macroF1(), r.f1().get(Sentiment.NEUTRAL), r.f1().get(Sentiment.NEGATIVE),
                        r.f1().get(Sentiment.ANGRY), r.f1().get(Sentiment.URGENT));
            }
            SentimentEvaluation.Report combined = reports.get(0);
            System.out.println("\nConfusion (" + combined.setting() + "), rows gold, columns predicted: neutral negative angry urgent");
            for (Sentiment s : Sentiment.values()) {
                int[] row = combined.confusion()[s.ordinal()];
                System.out.printf("  %-9s %5d %5d %5d %5d%n", s.label(), row[0], row[1], row[2], row[3]);
            }
            if (zhReviews > 0) {
                zhBinary(classifier, encoders != null);
            }
        } finally {
            if (encoders != null) {
                encoders.close();
            }
        }
        return 0;
    }

    /** Reviews, not bank conversations: a proxy for "is this customer unhappy"; internal evaluation only. */
    private void zhBinary(SentimentClassifier classifier, boolean models) throws IOException {
        Optional<Path> folder = Datasets.sharedFolder().map(p -> p.resolve("zh-sentiment"));
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            System.out.println("\nzh-sentiment not found (set TANDEM_DATASETS): binary check skipped.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (String file : List.of("ChnSentiCorp_htl_all.csv", "waimai_10k.csv")) {
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
            try (Reader in = Files.newBufferedReader(folder.get().resolve(file), StandardCharsets.UTF_8); CSVParser csv = format.parse(in)) {
                for (CSVRecord r : csv) {
                    if (r.isConsistent() && !r.get("review").isBlank() && r.get("review").length() <= 200) {
                        rows.add(new String[] {r.get("label").strip(), r.get("review").strip()});
                    }
                }
            }
        }
        Random random = new Random(seed);
        Collections.shuffle(rows, random);
        List<String> texts = new ArrayList<>();
        List<Boolean> negative = new ArrayList<>();
        int perClass = zhReviews / 2;
        int neg = 0;
        int pos = 0;
        for (String[] r : rows) {
            boolean isNegative = r[0].equals("0");
            if (isNegative && neg < perClass) {
                neg++;
            } else if (!isNegative && pos < perClass) {
                pos++;
            } else {
                continue;
            }
            texts.add(r[1]);
            negative.add(isNegative);
        }
        System.out.printf("%nzh-sentiment (ChnSentiCorp hotel + waimai reviews, ≤200 chars, %d sampled, seed %d) — INTERNAL EVALUATION ONLY,%n"
                + "no licence: never used for training. Binary mapping: review label 0 = negative; a prediction of negative,%n"
                + "angry or urgent counts as negative, neutral as positive (the bank set has no positive label).%n", texts.size(), seed);
        System.out.printf("%-18s %6s %9s %9s %9s %9s%n", "setting", "texts", "accuracy", "macro-F1", "neg.recall", "neg.prec");
        for (SentimentClassifier.Mode mode : SentimentClassifier.Mode.values()) {
            if (!models && mode != SentimentClassifier.Mode.CUES_ONLY) {
                continue;
            }
            SentimentEvaluation.BinaryReport r = SentimentEvaluation.evaluateBinary(mode.name().toLowerCase(Locale.ROOT) + " zh",
                    texts, negative, batch -> classifier.classifyAll(batch, mode).stream().map(x -> x.sentiment()).toList());
            System.out.printf(Locale.ROOT, "%-18s %6d %8.1f%% %9.3f %9.3f %9.3f%n", r.setting(), r.texts(), 100 * r.accuracy(),
                    r.macroF1(), r.negativeRecall(), r.negativePrecision());
        }
    }
}
