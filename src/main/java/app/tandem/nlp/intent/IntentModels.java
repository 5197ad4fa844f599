package app.tandem.nlp.intent;

import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.ml.train.TrainingMonitor;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The office's intent models as the Training tab and the desk share them: the saved versions, the
 * trainer, the office's own examples, and the promoted model the desk classifies with. Every change of
 * the current version (promote, roll back, a run that beat the current model) reloads the desk's model,
 * so nobody has to restart. The methods block (files, training, model loading): call them off the FX thread.
 */
public final class IntentModels {

    /** How many office examples there are, and how many were added after the current version was trained. */
    public record OfficeExamples(int total, int sinceCurrentVersion, Optional<String> currentVersion) {}

    private final IntentModelTrainer trainer;
    private final IntentTrainingSet officeExamples;
    private final PromotedIntentModel promoted;
    /** On a seat of an office, releases the new current version to the other seats; solo, nothing. */
    private volatile Runnable currentChanged = () -> { };

    public IntentModels(IntentModelTrainer trainer, IntentTrainingSet officeExamples, PromotedIntentModel promoted) {
        this.trainer = trainer;
        this.officeExamples = officeExamples;
        this.promoted = promoted;
    }

    public IntentModelStore store() {
        return trainer.store();
    }

    /** The examples agents' corrections and resolved conversations added (text redacted). */
    public IntentTrainingSet examples() {
        return officeExamples;
    }

    public PromotedIntentModel promoted() {
        return promoted;
    }

    public List<IntentModelStore.Version> versions() {
        return store().versions();
    }

    public OfficeExamples officeExampleCounts() {
        Optional<IntentModelStore.Version> current = store().currentVersion();
        Optional<Instant> trainedAt = current.map(v -> v.report().get("created.at")).map(Instant::parse);
        List<IntentExampleRepository.StoredExample> stored = officeExamples.stored();
        int since = trainedAt.map(t -> (int) stored.stream().filter(e -> e.createdAt().isAfter(t)).count()).orElse(stored.size());
        return new OfficeExamples(stored.size(), since, current.map(IntentModelStore.Version::id));
    }

    /** Runs one training (see {@link #trainingData} for what to train on); the desk switches to the new version when it was promoted. */
    public IntentModelTrainer.Outcome train(IntentModelTrainer.Request request, TrainingMonitor monitor)
            throws IOException, ModelUnavailableException {
        IntentModelTrainer.Outcome outcome = trainer.train(request, monitor);
        if (outcome.promoted()) {
            promoted.reload();
            currentChanged.run();
        }
        return outcome;
    }

    /** The training data of a run: the imported rows first, then the office's own examples, cleaned together. */
    public IntentDataImport.Result trainingData(List<IntentExample> imported) {
        List<IntentExample> all = new ArrayList<>(imported);
        all.addAll(officeExamples.examples());
        return IntentDataImport.clean(all, Optional.empty());
    }

    /** Makes {@code version} current and switches the desk to it. */
    public void promote(String version) throws IOException {
        store().promote(version);
        promoted.reload();
        currentChanged.run();
    }

    /** Goes back to the previously promoted version and switches the desk to it; empty when there was none. */
    public Optional<String> rollback() throws IOException {
        Optional<String> now = store().rollback();
        if (now.isPresent()) {
            promoted.reload();
            currentChanged.run();
        }
        return now;
    }

    /** Runs {@code action} after every change of the current version made here (the office releases it). */
    public void onCurrentChanged(Runnable action) {
        this.currentChanged = action;
    }
}
