package app.tandem.ui.training;

import app.tandem.ml.train.EpochStats;
import app.tandem.ml.train.FineTuningSettings;
import app.tandem.ml.train.TrainingCancelledException;
import app.tandem.ml.train.TrainingMonitor;
import app.tandem.ml.train.TrainingNote;
import app.tandem.ml.train.TrainingPhase;
import app.tandem.nlp.intent.IntentDataImport;
import app.tandem.nlp.intent.IntentExample;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.IntentModelTrainer;
import app.tandem.nlp.intent.IntentModels;
import app.tandem.nlp.intent.Promotion;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Training tab for supervisors: choose labelled data, train the intent model off the FX thread
 * with progress and a loss/accuracy curve, cancel (the current model stays), list versions with their
 * reports, promote or roll back (the desk switches to the new current version at once). A run trains on
 * the chosen CSV together with the office's own examples (agents' intent corrections, resolved
 * conversations); the tab says how many there are, which model the desk uses now, and whether there is
 * anything to roll back to. Never imports {@code javafx.scene}; tested with a synchronous executor over
 * an {@link IntentTraining} kept in memory.
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

    private final IntentTraining models;
    private final Texts texts;
    private final TaskExecutor tasks;
    private final Executor trainingThread;
    private final Executor io;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty dataSummary = new SimpleStringProperty("");
    private final StringProperty officeExamples = new SimpleStringProperty("");
    private final IntegerProperty officeExampleCount = new SimpleIntegerProperty(0);
    private final BooleanProperty fineTune = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> dataFile = new SimpleObjectProperty<>();
    private final ObservableList<EpochStats> curve = FXCollections.observableArrayList();
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper modelInUse = new ReadOnlyStringWrapper(this, "modelInUse", "");
    private final ReadOnlyBooleanWrapper canRollBack = new ReadOnlyBooleanWrapper(this, "canRollBack", false);
    private final AtomicBoolean cancel = new AtomicBoolean();
    private IntentDataImport.Result imported;

    /**
     * @param trainingThread runs the training (minutes; keep it off the shared I/O threads)
     * @param io             reads files and the version list
     */
    public TrainingViewModel(IntentModels models, Texts texts, TaskExecutor tasks, Executor trainingThread, Executor io) {
        this(IntentTraining.of(models), texts, tasks, trainingThread, io);
    }

    /** Over any {@link IntentTraining}: the tests' in-memory one, or {@link IntentTraining#of} the desk's models. */
    public TrainingViewModel(IntentTraining models, Texts texts, TaskExecutor tasks, Executor trainingThread, Executor io) {
        this.models = models;
        this.texts = texts;
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

    /** "N office examples, M since v003", in words. */
    public StringProperty officeExamplesProperty() {
        return officeExamples;
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

    /** Which intent model the desk uses now, in a sentence (none yet, one not loaded, or the version and its accuracy). */
    public ReadOnlyStringProperty modelInUseProperty() {
        return modelInUse.getReadOnlyProperty();
    }

    /** Whether an earlier promoted version is there to roll back to. */
    public ReadOnlyBooleanProperty canRollBackProperty() {
        return canRollBack.getReadOnlyProperty();
    }

    /** Reads the chosen CSV and shows what will be used and what was skipped. */
    public void chooseData(Path file) {
        dataFile.set(file);
        imported = null;
        dataSummary.set("");
        tasks.execute(texts.format("training.reading", file.getFileName()), io, () -> IntentDataImport.readCsv(file, Optional.empty()),
                r -> {
                    imported = r;
                    dataSummary.set(importSummary(r));
                }, e -> {
                    state.set(State.ERROR);
                    dataSummary.set(e instanceof IntentDataImport.MissingColumnsException m
                            ? texts.format("training.missingColumns", String.join(",", m.found()))
                            : texts.failure(e));
                });
    }

    /** A run needs a CSV or office examples; both together are used when there are both. */
    public boolean canStart() {
        return state.get() != State.TRAINING
                && (imported != null && !imported.examples().isEmpty() || officeExampleCount.get() > 0);
    }

    /** Starts a run on the chosen data; the outcome (promoted or not, and why) lands in {@link #messageProperty()}. */
    public void start() {
        if (!canStart()) {
            message.set(texts.get("training.needData"));
            return;
        }
        cancel.set(false);
        curve.clear();
        progress.set(0);
        state.set(State.TRAINING);
        message.set(texts.get("training.starting"));
        List<IntentExample> csv = imported == null ? List.of() : imported.examples();
        String csvName = imported == null || dataFile.get() == null ? "" : String.valueOf(dataFile.get().getFileName());
        Optional<FineTuningSettings> tuning = fineTune.get() ? Optional.of(FineTuningSettings.defaults()) : Optional.empty();
        TrainingMonitor monitor = new TrainingMonitor() {
            @Override
            public void progress(TrainingPhase phase, long done, long total) {
                tasks.onUiThread(() -> {
                    progress.set(total <= 0 ? -1 : (double) done / total);
                    message.set(phase(phase));
                });
            }

            @Override
            public void epoch(EpochStats stats) {
                tasks.onUiThread(() -> curve.add(stats));
            }

            @Override
            public void note(TrainingNote note) {
                tasks.onUiThread(() -> message.set(TrainingViewModel.this.note(note)));
            }

            @Override
            public boolean cancelled() {
                return cancel.get() || Thread.currentThread().isInterrupted();
            }
        };
        tasks.execute(texts.get("training.activity"), trainingThread, () -> {
            // The office's examples are read when the run starts, so corrections made until then count.
            IntentDataImport.Result data = models.trainingData(csv);
            String office = texts.format("training.data.office", models.officeExampleCount());
            String description = csvName.isEmpty() ? office : csvName + " + " + office;
            return models.train(IntentModelTrainer.Request.of(data.examples(), description).withFineTuning(tuning), monitor);
        }, outcome -> {
            state.set(State.IDLE);
            progress.set(1);
            message.set(texts.format("training.finished", outcome.version(), outcome.report().get("validation.accuracy"),
                    decision(outcome.promotion())));
            refreshVersions();
        }, e -> {
            if (e instanceof TrainingCancelledException) {
                state.set(State.IDLE);
                progress.set(0);
                message.set(texts.get("training.cancelled"));
            } else {
                state.set(State.ERROR);
                message.set(texts.format("training.failed", e instanceof IntentModelTrainer.TooFewIntentsException few
                        ? texts.format("training.tooFewIntents", few.found()) : texts.failure(e)));
            }
        });
    }

    /** Asks the running training to stop at its next step; nothing is saved or promoted. */
    public void cancel() {
        cancel.set(true);
    }

    /** Reloads the version list and the office example counts. */
    public void refreshVersions() {
        tasks.execute(texts.get("training.listing"), io, () -> new Listing(models.versions(), models.officeExampleCounts(),
                        models.inUse(), models.rollbackTarget()),
                listing -> {
                    versions.setAll(listing.versions().stream().map(this::row).toList());
                    modelInUse.set(inUse(listing));
                    canRollBack.set(listing.rollbackTarget().isPresent());
                    IntentModels.OfficeExamples counts = listing.counts();
                    officeExampleCount.set(counts.total());
                    officeExamples.set(counts.currentVersion()
                            .map(v -> texts.format("training.office", counts.total(), counts.sinceCurrentVersion(), v))
                            .orElse(texts.format("training.officeNoModel", counts.total())));
                }, e -> message.set(texts.failure(e)));
    }

    private record Listing(List<IntentModelStore.Version> versions, IntentModels.OfficeExamples counts,
                           Optional<String> inUse, Optional<String> rollbackTarget) {}

    private String inUse(Listing listing) {
        Optional<String> current = listing.versions().stream().filter(IntentModelStore.Version::current)
                .map(IntentModelStore.Version::id).findFirst();
        return listing.inUse().map(v -> texts.format("training.inUse", v, listing.versions().stream()
                        .filter(r -> r.id().equals(v)).findFirst()
                        .map(r -> r.report().getOrDefault("validation.accuracy", "-")).orElse("-")))
                .or(() -> current.map(v -> texts.format("training.inUseNotLoaded", v)))
                .orElse(texts.get("training.inUseNone"));
    }

    /** Makes {@code version} current; the desk loads it in the background and switches to it. */
    public void promote(String version) {
        tasks.execute(texts.format("training.promoting", version), io, () -> {
            models.promote(version);
            return version;
        }, v -> {
            message.set(texts.format("training.promoted", v));
            refreshVersions();
        }, e -> message.set(texts.failure(e)));
    }

    /** Goes back to the previously promoted version; the desk switches back. */
    public void rollback() {
        tasks.execute(texts.get("training.rollingBack"), io, () -> models.rollback(), now -> {
            message.set(now.map(v -> texts.format("training.rolledBack", v)).orElse(texts.get("training.nothingToRollBack")));
            refreshVersions();
        }, e -> message.set(texts.failure(e)));
    }

    private VersionRow row(IntentModelStore.Version v) {
        Map<String, String> r = v.report();
        String summary = texts.format("training.versionSummary", r.getOrDefault("validation.accuracy", "-"),
                r.getOrDefault("validation.macro.f1", "-"), r.getOrDefault("data", ""))
                + ("true".equals(r.get("fine.tuned")) ? texts.get("training.fineTuned") : "");
        return new VersionRow(v.id(), v.current(), summary, r);
    }

    /** What the run is doing, in the person's language. */
    String phase(TrainingPhase p) {
        return switch (p.kind()) {
            case ENCODING -> texts.format("training.phase.ENCODING", p.count());
            case TRAINING_HEAD -> texts.get("training.phase.TRAINING_HEAD");
            case FINE_TUNING -> texts.format("training.phase.FINE_TUNING", p.count(), p.of());
            case SCORING_CURRENT -> texts.format("training.phase.SCORING_CURRENT", p.version());
        };
    }

    /** A fallback the run took on its own, in the person's language. */
    String note(TrainingNote n) {
        return texts.format("training.note." + n.kind().name(), n.device(), n.batchSize());
    }

    /** Why the new model was or was not promoted, in the person's language. */
    String decision(Promotion p) {
        return texts.promotion(p);
    }

    /** What the chosen CSV gives: kept examples, skipped rows by reason with a first example, re-encoded lines. */
    String importSummary(IntentDataImport.Result r) {
        StringBuilder sb = new StringBuilder(texts.format("training.import.kept", r.examples().size(),
                r.examples().stream().map(IntentExample::intent).distinct().count()));
        if (r.skipped().isEmpty()) {
            sb.append(texts.get("training.import.noneSkipped"));
        } else {
            sb.append(texts.format("training.import.skipped", r.skipped().size()));
            r.skippedByReason().forEach((reason, n) -> {
                IntentDataImport.Skipped first = r.skipped().stream().filter(s -> s.reason() == reason).findFirst().orElseThrow();
                String why = texts.get("training.skip." + reason.name());
                String line = String.valueOf(first.line());
                sb.append("\n  ").append(first.detail().isEmpty() ? texts.format("training.import.reason", n, why, line)
                        : texts.format("training.import.reasonDetail", n, why, line, first.detail()));
            });
        }
        if (r.reencodedLines() > 0) {
            sb.append("\n  ").append(texts.format("training.import.reencoded", r.reencodedLines()));
        }
        return sb.toString();
    }

    /** The version's report for the details pane: labelled figures in the person's language, then the rest as written. */
    public String reportText(VersionRow row) {
        return row == null ? "" : new TrainingReportText(texts, java.time.ZoneId.systemDefault()).text(row.report());
    }

}
