package app.tandem.app.cli;

import app.tandem.eval.Datasets;
import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.ml.train.FineTuningSettings;
import app.tandem.ml.train.HeadTrainer;
import app.tandem.ml.train.TrainingCancelledException;
import app.tandem.nlp.intent.IntentDataImport;
import app.tandem.nlp.intent.IntentExample;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.IntentModelTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tandem train intents}: trains an intent model into {@code <data>/models/trained/intent} and
 * promotes it only when it beats the current one on the validation split. Ctrl+C cancels and leaves
 * the current model untouched. Also lists, promotes and rolls back versions.
 */
@Command(name = "intents", mixinStandardHelpOptions = true,
        description = {"Train the intent classifier (frozen encoder + head; --fine-tune also fine-tunes the encoder).",
                "The new version is promoted only when it beats the current one on the validation split."})
public final class TrainIntentsCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", description = "banking77 (its train.csv)")
    String dataset;

    @Option(names = "--train", paramLabel = "FILE", description = "CSV text,category (repeatable)")
    List<Path> trainFiles = new ArrayList<>();

    @Mixin
    IntentEncoderOptions encoder;

    @Option(names = "--list", description = "List the versions and their reports")
    boolean list;

    @Option(names = "--promote", paramLabel = "VERSION", description = "Make VERSION the current model")
    String promote;

    @Option(names = "--rollback", description = "Go back to the previously promoted version")
    boolean rollback;

    @Override
    public Integer call() throws IOException, ModelUnavailableException {
        TandemCommand root = (TandemCommand) spec.parent().parent().userObject();
        IntentModelStore store = new IntentModelStore(root.dataFolder().resolve("models").resolve("trained").resolve("intent"));
        if (list) {
            store.versions().forEach(v -> {
                System.out.println(v.id() + (v.current() ? "  (current)" : ""));
                for (String key : List.of("created.at", "data", "model.id", "fine.tuned", "validation.accuracy",
                        "validation.macro.f1", "oos.threshold", "time.total.seconds", "decision")) {
                    System.out.println("    " + key + " = " + v.report().getOrDefault(key, "-"));
                }
            });
            return 0;
        }
        if (promote != null) {
            store.promote(promote);
            System.out.println(promote + " is now the current intent model");
            return 0;
        }
        if (rollback) {
            Optional<String> now = store.rollback();
            System.out.println(now.map(v -> "Rolled back: " + v + " is now the current intent model")
                    .orElse("Nothing to roll back to: fewer than two versions were ever promoted"));
            return now.isPresent() ? 0 : 1;
        }
        List<Path> files = new ArrayList<>(trainFiles);
        if ("banking77".equals(dataset)) {
            files.add(Datasets.sharedFolder().orElseThrow(() -> new IllegalArgumentException(
                    "Cannot find shared/datasets: set TANDEM_DATASETS or pass --train FILE")).resolve("banking77/train.csv"));
        } else if (dataset != null) {
            System.err.println("Unknown dataset \"" + dataset + "\" (known: banking77), or pass --train FILE");
            return 2;
        }
        if (files.isEmpty()) {
            System.err.println("Nothing to train on: pass --dataset banking77 or --train FILE");
            return 2;
        }
        List<IntentExample> examples = new ArrayList<>();
        for (Path f : files) {
            IntentDataImport.Result r = IntentDataImport.readCsv(f, Optional.empty());
            System.out.println(f + ": " + r.summary());
            examples.addAll(r.examples());
        }
        IntentDataImport.Result merged = IntentDataImport.clean(examples, Optional.empty());
        if (!merged.skipped().isEmpty()) {
            System.out.println("Across files: " + merged.summary());
        }
        IntentModelTrainer.Request request = new IntentModelTrainer.Request(encoder.model(), merged.examples(), List.of(), List.of(),
                HeadTrainer.Settings.defaults(),
                encoder.fineTune() ? Optional.of(FineTuningSettings.defaults().withEpochs(encoder.epochs())) : Optional.empty(),
                String.join(", ", files.stream().map(Path::toString).toList()), true);
        IntentModelTrainer trainer = new IntentModelTrainer(store, Clock.systemDefaultZone());
        try (CliTrainingMonitor monitor = new CliTrainingMonitor(encoder.fineTune())) {
            IntentModelTrainer.Outcome o = trainer.train(request, monitor);
            Map<String, String> rep = o.report();
            System.out.printf("%nVersion %s: validation accuracy %s, macro-F1 %s (%s examples, %s s)%n%s%n", o.version(),
                    rep.get("validation.accuracy"), rep.get("validation.macro.f1"), rep.get("train.examples"),
                    rep.get("time.total.seconds"), o.decision());
            return 0;
        } catch (TrainingCancelledException e) {
            System.err.println(e.getMessage());
            return 130;
        }
    }
}
