package app.tandem.app.cli;

import app.tandem.assist.escalation.ModelIntentSource;
import app.tandem.eval.Datasets;
import app.tandem.eval.IntentBenchmarks;
import app.tandem.eval.LabelledText;
import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.ml.train.FineTuningSettings;
import app.tandem.ml.train.HeadTrainer;
import app.tandem.nlp.intent.IntentClassifier;
import app.tandem.nlp.intent.IntentExample;
import app.tandem.nlp.intent.IntentMetrics;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.IntentModelTrainer;
import app.tandem.nlp.intent.IntentPrediction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tandem eval intents}: intent accuracy and macro-F1 of a frozen encoder + head, and of a fine-tuned encoder. */
@Command(name = "intents", mixinStandardHelpOptions = true,
        description = {"Accuracy and macro-F1 of intent classification (CLINC150: also in-scope accuracy and out-of-scope "
                + "recall/precision), trained and scored here; models go to --out, never to the data folder.",
                "Banking77: test = a stratified 10%% of train.csv (seed 77); early stopping uses 10%% of the rest."})
public final class EvalIntentsCommand implements Callable<Integer> {

    @Option(names = "--dataset", defaultValue = "banking77", description = "banking77 (default), clinc150, hwu64, dstc11-insurance")
    String dataset;

    @Option(names = "--train", paramLabel = "FILE", description = "CSV text,category to train on (with --test)")
    Path train;

    @Option(names = "--test", paramLabel = "FILE", description = "CSV text,category (or CLINC150-shaped JSON) to score")
    Path test;

    @Mixin
    IntentEncoderOptions encoder;

    @Option(names = "--batch", defaultValue = "32", description = "Fine-tuning batch size (default 32)")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Fine-tuning peak learning rate (default 1e-4)")
    float learningRate;

    @Option(names = "--contrastive", defaultValue = "0", description = "Weight of the in-batch contrastive loss (default 0)")
    float contrastive;

    @Option(names = "--label-smoothing", defaultValue = "0", description = "Label smoothing of the fine-tuning loss (default 0)")
    float labelSmoothing;

    @Option(names = "--average", defaultValue = "0", description = "Decay of a moving average of the weights, also evaluated (default 0: off)")
    float averageDecay;

    @Option(names = "--shuffle-seed", defaultValue = "11", description = "Seed of the fine-tuning batch order (default 11)")
    long shuffleSeed;

    @Option(names = "--top-layers", defaultValue = "0", description = "Fine-tune only the top N layers (default 0: all)")
    int topLayers;

    @Option(names = "--max-train", defaultValue = "0", description = "Use at most N training examples (0: all), for quick runs")
    int maxTrain;

    @Option(names = "--seed", defaultValue = "77", description = "Seed of the held-out split (default 77)")
    long seed;

    @Option(names = "--cpu", description = "Train on the CPU even when a GPU is present")
    boolean cpu;

    @Option(names = "--out", defaultValue = "eval-results", paramLabel = "FOLDER", description = "Where CSV, JSON and the models go")
    Path out;

    /** One row of the results table. */
    public record Row(String dataset, String method, String model, int trainExamples, int testExamples, double accuracy,
            double macroF1, double inScopeAccuracy, double oosRecall, double oosPrecision, double trainSeconds,
            String version, Map<String, String> report, DeskFloor desk) {}

    /**
     * What the desk would show with this model: it takes the model's intent only at a confidence of at
     * least {@link ModelIntentSource#MIN_CONFIDENCE} (or the out-of-scope threshold when higher) and asks
     * the keyword/article chain otherwise.
     *
     * @param floor          the confidence the desk needs
     * @param inScopeCovered share of in-scope test turns the model answers
     * @param coveredAccuracy accuracy on those turns
     * @param oosShown       share of out-of-scope test turns that would still get a model intent (NaN when none)
     */
    public record DeskFloor(double floor, double inScopeCovered, double coveredAccuracy, double oosShown) {

        static DeskFloor of(double floor, List<String> truth, List<IntentPrediction> predictions) {
            int inScope = 0;
            int covered = 0;
            int right = 0;
            int oos = 0;
            int oosShown = 0;
            for (int i = 0; i < truth.size(); i++) {
                IntentPrediction p = predictions.get(i);
                boolean shown = !p.outOfScope() && p.confidence() >= floor;
                if (truth.get(i).equals(IntentMetrics.OUT_OF_SCOPE)) {
                    oos++;
                    oosShown += shown ? 1 : 0;
                } else {
                    inScope++;
                    if (shown) {
                        covered++;
                        right += p.intent().equals(truth.get(i)) ? 1 : 0;
                    }
                }
            }
            return new DeskFloor(floor, inScope == 0 ? Double.NaN : (double) covered / inScope,
                    covered == 0 ? Double.NaN : (double) right / covered, oos == 0 ? Double.NaN : (double) oosShown / oos);
        }
    }

    @Override
    public Integer call() throws IOException, ModelUnavailableException {
        IntentBenchmarks data;
        if (test != null) {
            if (train == null && !test.toString().endsWith(".json")) {
                System.err.println("--test needs --train (or a CLINC150-shaped JSON with its own train split)");
                return 2;
            }
            data = IntentBenchmarks.files(train, test);
        } else if (IntentBenchmarks.KNOWN.contains(dataset)) {
            Path shared = Datasets.sharedFolder().orElseThrow(() -> new IllegalArgumentException(
                    "Cannot find shared/datasets: set TANDEM_DATASETS or pass --train/--test"));
            data = IntentBenchmarks.load(dataset, shared, 0.1, seed);
        } else {
            System.err.println("Unknown dataset \"" + dataset + "\". Known: " + IntentBenchmarks.KNOWN + ", or --train/--test.");
            return 2;
        }
        List<IntentExample> trainSet = examples(data.train());
        if (maxTrain > 0 && trainSet.size() > maxTrain) {
            trainSet = IntentModelTrainer.stratified(trainSet, 1.0 - (double) maxTrain / trainSet.size(), seed).train();
        }
        System.out.printf("Intent evaluation: %s; %d train, %d validation, %d test (+%d out-of-scope), encoder %s%n",
                data.description(), trainSet.size(), data.validation().size(), data.test().size(),
                data.outOfScopeTest().size(), encoder.model());
        IntentModelStore store = new IntentModelStore(out.resolve("intent-models").resolve(data.name()));
        IntentModelTrainer trainer = new IntentModelTrainer(store, Clock.systemDefaultZone());
        IntentModelTrainer.Request request = new IntentModelTrainer.Request(encoder.model(), trainSet, examples(data.validation()),
                data.outOfScopeValidation(), HeadTrainer.Settings.defaults(), Optional.empty(), data.description(), false);

        List<Row> rows = new ArrayList<>();
        rows.add(run(trainer, request, data, "frozen + head"));
        if (encoder.fineTune()) {
            FineTuningSettings s = FineTuningSettings.defaults().withEpochs(encoder.epochs()).withBatchSize(batch)
                    .withLearningRate(learningRate).withContrastiveWeight(contrastive).withTrainLastLayers(topLayers)
                    .withLabelSmoothing(labelSmoothing).withAverageDecay(averageDecay).withSeed(shuffleSeed);
            if (cpu) {
                s = s.onCpu();
            }
            rows.add(run(trainer, request.withFineTuning(Optional.of(s)), data, "fine-tuned"));
        }

        System.out.printf("%n%-18s %-16s %7s %7s %9s %9s %9s %9s %9s%n", "dataset", "method", "train", "test", "accuracy",
                "macro-F1", "in-scope", "oos-rec", "train s");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "%-18s %-16s %7d %7d %8.2f%% %8.2f%% %9s %9s %9.1f%n", r.dataset(), r.method(),
                    r.trainExamples(), r.testExamples(), 100 * r.accuracy(), 100 * r.macroF1(), pct(r.inScopeAccuracy()),
                    pct(r.oosRecall()), r.trainSeconds());
            System.out.printf(Locale.ROOT, "%-35s desk (confidence >= %.2f): answers %s of in-scope turns, %s right;"
                    + " out-of-scope turns shown an intent: %s%n", "", r.desk().floor(), pct(r.desk().inScopeCovered()),
                    pct(r.desk().coveredAccuracy()), pct(r.desk().oosShown()));
            if (!Double.isNaN(r.oosPrecision())) {
                System.out.printf(Locale.ROOT, "%-35s out-of-scope precision %s, threshold %s%n", "", pct(r.oosPrecision()),
                        r.report().get("oos.threshold"));
            }
            if (r.method().equals("fine-tuned") && "false".equals(r.report().get("fine.tuned"))) {
                System.out.println("    (fine-tuning did not beat the frozen head on validation: the frozen head was kept)");
            }
        }
        write(rows);
        return 0;
    }

    private Row run(IntentModelTrainer trainer, IntentModelTrainer.Request request, IntentBenchmarks data, String method)
            throws IOException, ModelUnavailableException {
        IntentModelTrainer.Outcome outcome;
        long start = System.nanoTime();
        try (CliTrainingMonitor monitor = new CliTrainingMonitor(method.equals("fine-tuned"))) {
            outcome = trainer.train(request, monitor);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> texts = new ArrayList<>();
        List<String> truth = new ArrayList<>();
        data.test().forEach(t -> {
            texts.add(t.text());
            truth.add(t.label());
        });
        data.outOfScopeTest().forEach(t -> {
            texts.add(t);
            truth.add(IntentMetrics.OUT_OF_SCOPE);
        });
        List<IntentPrediction> predictions;
        System.err.println("Scoring " + texts.size() + " test sentences with " + outcome.version() + " …");
        try (IntentClassifier classifier = IntentClassifier.load(trainer.store(), outcome.version(), Optional.empty())) {
            predictions = classifier.classifyAll(texts);
        }
        IntentMetrics m = IntentMetrics.of(truth, predictions);
        double floor = Math.max(ModelIntentSource.MIN_CONFIDENCE, Double.parseDouble(outcome.report().getOrDefault("oos.threshold", "0")));
        // What the head was trained on: without a validation split the trainer holds out 10% of the training data.
        int trained = Integer.parseInt(outcome.report().getOrDefault("train.examples", Integer.toString(request.train().size())));
        return new Row(data.name(), method, encoder.model(), trained, texts.size(), m.accuracy(), m.macroF1(),
                m.inScopeAccuracy(), m.outOfScopeRecall(), m.outOfScopePrecision(), seconds, outcome.version(), outcome.report(),
                DeskFloor.of(floor, truth, predictions));
    }

    private static List<IntentExample> examples(List<LabelledText> rows) {
        return rows.stream().map(r -> new IntentExample(r.text(), r.label())).toList();
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private void write(List<Row> rows) throws IOException {
        Files.createDirectories(out);
        String name = "intents-" + rows.get(0).dataset();
        Path json = out.resolve(name + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), rows);
        StringBuilder csv = new StringBuilder("dataset,method,model,train,test,accuracy,macro_f1,in_scope_accuracy,oos_recall,oos_precision,train_seconds,desk_floor,desk_in_scope_covered,desk_covered_accuracy,desk_oos_shown\n");
        rows.forEach(r -> csv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f,%.1f,%.4f,%.4f,%.4f,%.4f%n",
                r.dataset(), r.method(), r.model(), r.trainExamples(), r.testExamples(), r.accuracy(), r.macroF1(),
                r.inScopeAccuracy(), r.oosRecall(), r.oosPrecision(), r.trainSeconds(), r.desk().floor(),
                r.desk().inScopeCovered(), r.desk().coveredAccuracy(), r.desk().oosShown())));
        Path csvFile = out.resolve(name + ".csv");
        Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
        System.out.println("\nWrote " + json + " and " + csvFile);
    }
}
