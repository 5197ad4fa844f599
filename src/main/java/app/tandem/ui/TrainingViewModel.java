package app.tandem.ui;

import app.tandem.ml.train.EncoderFineTuner;
import app.tandem.ml.train.EpochStats;
import app.tandem.ml.train.TrainingCancelledException;
import app.tandem.ml.train.TrainingMonitor;
import app.tandem.nlp.intent.IntentDataImport;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.IntentModelTrainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Training tab for supervisors: choose labelled data, train the intent model off the FX thread
 * with progress and a loss/accuracy curve, cancel (the current model stays), list versions with their
 * reports, promote or roll back. Never imports {@code javafx.scene}; tested with a synchronous executor.
 */
public final class TrainingViewModel {

    public enum State { IDLE, TRAINING, ERROR }

    /** One version as the list shows it. */
    public record VersionRow(String id, boolean current, String summary, Map<String, String> report) {
        @Override
        public String toString() {
            return id + (current ? " \u2605 " : "   ") + summary;
        }
    }

    private final IntentModelTrainer trainer;
    private final TaskExecutor tasks;
    private final Executor trainingThread;
    private final Executor io;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty dataSummary = new SimpleStringProperty("");
    private final BooleanProperty fineTune = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> dataFile = new SimpleObjectProperty<>();
    private final ObservableList<EpochStats> curve = FXCollections.observableArrayList();
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final AtomicBoolean cancel = new AtomicBoolean();
    private IntentDataImport.Result imported;

    /**
     * @param trainingThread runs the training (minutes; keep it off the shared I/O threads)
     * @param io             reads files and the version list
     */
    public TrainingViewModel(IntentModelTrainer trainer, TaskExecutor tasks, Executor trainingThread, Executor io) {
        this.trainer = trainer;
        this.tasks = tasks;
        this.trainingThread = trainingThread;
        this.io = io;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty dataSummaryProperty() {
        return dataSummary;
    }

    public BooleanProperty fineTuneProperty() {
        return fineTune;
    }

    public ObjectProperty<Path> dataFileProperty() {
        return dataFile;
    }

    public ObservableList<EpochStats> curve() {
        return curve;
    }

    public ObservableList<VersionRow> versions() {
        return versions;
    }

    /** Reads the chosen CSV and shows what will be used and what was skipped. */
    public void chooseData(Path file) {
        dataFile.set(file);
        imported = null;
        dataSummary.set("");
        tasks.execute("Reading " + file.getFileName(), io, () -> IntentDataImport.readCsv(file, Optional.empty()),
                r -> {
                    imported = r;
                    dataSummary.set(r.summary());
                }, e -> {
                    state.set(State.ERROR);
                    dataSummary.set(String.valueOf(e.getMessage()));
                });
    }

    public boolean canStart() {
        return imported != null && !imported.examples().isEmpty() && state.get() != State.TRAINING;
    }

    /** Starts a run on the chosen data; the outcome (promoted or not, and why) lands in {@link #messageProperty()}. */
    public void start() {
        if (!canStart()) {
            message.set("Choose a CSV file with text,category columns first.");
            return;
        }
        cancel.set(false);
        curve.clear();
        progress.set(0);
        state.set(State.TRAINING);
        message.set("Starting\u2026");
        IntentModelTrainer.Request request = IntentModelTrainer.Request.of(imported.examples(),
                String.valueOf(dataFile.get().getFileName()))
                .withFineTuning(fineTune.get() ? Optional.of(EncoderFineTuner.Settings.defaults()) : Optional.empty());
        TrainingMonitor monitor = new TrainingMonitor() {
            @Override
            public void progress(String phase, long done, long total) {
                tasks.onUiThread(() -> {
                    progress.set(total <= 0 ? -1 : (double) done / total);
                    message.set(phase);
                });
            }

            @Override
            public void epoch(EpochStats stats) {
                tasks.onUiThread(() -> curve.add(stats));
            }

            @Override
            public void note(String note) {
                tasks.onUiThread(() -> message.set(note));
            }

            @Override
            public boolean cancelled() {
                return cancel.get() || Thread.currentThread().isInterrupted();
            }
        };
        tasks.execute("Training the intent model", trainingThread, () -> trainer.train(request, monitor), outcome -> {
            state.set(State.IDLE);
            progress.set(1);
            message.set(outcome.version() + ": validation accuracy " + outcome.report().get("validation.accuracy")
                    + " \u2014 " + outcome.decision());
            refreshVersions();
        }, e -> {
            if (e instanceof TrainingCancelledException) {
                state.set(State.IDLE);
                progress.set(0);
                message.set(e.getMessage());
            } else {
                state.set(State.ERROR);
                message.set("Training failed: " + e.getMessage());
            }
        });
    }

    /** Asks the running training to stop at its next step; nothing is saved or promoted. */
    public void cancel() {
        cancel.set(true);
    }

    public void refreshVersions() {
        tasks.execute("Listing intent models", io, () -> trainer.store().versions(), list -> versions.setAll(
                list.stream().map(TrainingViewModel::row).toList()), e -> message.set(String.valueOf(e.getMessage())));
    }

    public void promote(String version) {
        tasks.execute("Promoting " + version, io, () -> {
            trainer.store().promote(version);
            return version;
        }, v -> {
            message.set(v + " is now the current intent model.");
            refreshVersions();
        }, e -> message.set(String.valueOf(e.getMessage())));
    }

    public void rollback() {
        tasks.execute("Rolling back", io, () -> trainer.store().rollback(), now -> {
            message.set(now.map(v -> "Rolled back: " + v + " is now the current intent model.")
                    .orElse("Nothing to roll back to."));
            refreshVersions();
        }, e -> message.set(String.valueOf(e.getMessage())));
    }

    private static VersionRow row(IntentModelStore.Version v) {
        Map<String, String> r = v.report();
        String summary = "accuracy " + r.getOrDefault("validation.accuracy", "-") + ", macro-F1 "
                + r.getOrDefault("validation.macro.f1", "-") + ("true".equals(r.get("fine.tuned")) ? ", fine-tuned" : "")
                + ", " + r.getOrDefault("data", "");
        return new VersionRow(v.id(), v.current(), summary, r);
    }

    /** The report as lines "key = value", for the details pane. */
    public static String reportText(VersionRow row) {
        return row == null ? "" : row.report().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n"));
    }

}
