package app.tandem.ui.training;

import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.ml.train.TrainingMonitor;
import app.tandem.nlp.intent.IntentDataImport;
import app.tandem.nlp.intent.IntentExample;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.IntentModelTrainer;
import app.tandem.nlp.intent.IntentModels;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What the Training tab asks of the office's intent models. The tab's tests answer from memory; the
 * desk from {@link IntentModels} ({@link #of}). The methods may block: the view model calls them off the UI thread.
 */
public interface IntentTraining {

    /** Every saved version, newest first; {@code current} marks the one promoted. */
    List<IntentModelStore.Version> versions();

    IntentModels.OfficeExamples officeExampleCounts();

    /** How many office examples a run would add now. */
    int officeExampleCount();

    /** The version the desk classifies with now; empty while none is loaded. */
    Optional<String> inUse();

    /** The version a rollback would make current; empty when there is nothing to roll back to. */
    Optional<String> rollbackTarget();

    /** The run's data: {@code imported} first, then the office's examples, cleaned together. */
    IntentDataImport.Result trainingData(List<IntentExample> imported);

    IntentModelTrainer.Outcome train(IntentModelTrainer.Request request, TrainingMonitor monitor)
            throws IOException, ModelUnavailableException;

    void promote(String version) throws IOException;

    /** The version now current; empty when there was nothing to roll back to. */
    Optional<String> rollback() throws IOException;

    static IntentTraining of(IntentModels models) {
        return new IntentTraining() {
            @Override
            public List<IntentModelStore.Version> versions() {
                return models.versions();
            }

            @Override
            public IntentModels.OfficeExamples officeExampleCounts() {
                return models.officeExampleCounts();
            }

            @Override
            public int officeExampleCount() {
                return models.examples().size();
            }

            @Override
            public Optional<String> inUse() {
                return models.promoted().version();
            }

            @Override
            public Optional<String> rollbackTarget() {
                return models.store().previous();
            }

            @Override
            public IntentDataImport.Result trainingData(List<IntentExample> imported) {
                return models.trainingData(imported);
            }

            @Override
            public IntentModelTrainer.Outcome train(IntentModelTrainer.Request request, TrainingMonitor monitor)
                    throws IOException, ModelUnavailableException {
                return models.train(request, monitor);
            }

            @Override
            public void promote(String version) throws IOException {
                models.promote(version);
            }

            @Override
            public Optional<String> rollback() throws IOException {
                return models.rollback();
            }
        };
    }
}
