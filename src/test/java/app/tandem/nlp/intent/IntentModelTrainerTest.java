package app.tandem.nlp.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.ml.train.HeadTrainer;
import app.tandem.ml.train.TrainingCancelledException;
import app.tandem.ml.train.TrainingMonitor;
import app.tandem.ml.train.TrainingPhase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole run on a toy set with the real MiniLM encoder: the first model is promoted with its report,
 * a worse one is filed but not promoted, a cancelled run leaves everything as it was, and the desk API
 * classifies with the promoted model.
 */
@Slow
class IntentModelTrainerTest {


    @Test
    void promotesOnlyWhenBetterAndCancelLeavesTheCurrentModel(@TempDir Path dir) throws Exception {
        IntentModelStore store = new IntentModelStore(dir.resolve("intent"));
        IntentModelTrainer trainer = new IntentModelTrainer(store, Clock.systemUTC());
        IntentModelTrainer.Request request = IntentModelTrainer.Request.of(ToyIntents.examples(1, 6, UnaryOperator.identity()), "toy")
                .withValidation(ToyIntents.examples(7, 8, UnaryOperator.identity()), List.of("what's the weather tomorrow", "play some jazz"))
                .withHead(HeadTrainer.Settings.defaults().withMaxEpochs(60));

        IntentModelTrainer.Outcome first = trainer.train(request, TrainingMonitor.NONE);
        assertEquals("v001", first.version());
        assertTrue(first.promoted(), first.decision());
        Map<String, String> report = store.report("v001");
        assertEquals("all-minilm-l6-v2", report.get("model.id"));
        assertEquals("", report.get(IntentModelTrainer.TEXT_PREFIX), "a turn is classified as it is, without a search instruction");
        assertTrue(Double.parseDouble(report.get("validation.accuracy")) >= 0.8, report.toString());
        assertTrue(report.containsKey("validation.macro.f1"));
        assertTrue(report.containsKey("oos.threshold"));
        assertTrue(Files.isRegularFile(store.folder("v001").resolve(IntentModelStore.HEAD_FILE)));

        // A barely trained head scores worse on the same validation split: filed, not promoted.
        IntentModelTrainer.Outcome worse = trainer.train(request.withHead(
                new HeadTrainer.Settings(1, 64, 1e-7f, 0f, 1, 3)), TrainingMonitor.NONE);
        assertEquals("v002", worse.version());
        assertFalse(worse.promoted(), worse.decision());
        assertTrue(worse.decision().startsWith("not promoted"), worse.decision());
        assertEquals(Optional.of("v001"), store.current());

        // Cancelled mid-way: no new version, no staging folder, current model untouched.
        TrainingMonitor cancelInHead = new TrainingMonitor() {
            private boolean training;

            @Override
            public void progress(TrainingPhase phase, long done, long total) {
                training |= phase.kind() == TrainingPhase.Kind.TRAINING_HEAD;
            }

            @Override
            public boolean cancelled() {
                return training;
            }
        };
        assertThrows(TrainingCancelledException.class, () -> trainer.train(request, cancelInHead));
        assertEquals(Optional.of("v001"), store.current());
        assertEquals(2, store.versions().size());
        try (Stream<Path> s = Files.list(store.root())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".staging")));
        }

        try (IntentClassifier classifier = IntentClassifier.loadCurrent(store, Optional.empty()).orElseThrow()) {
            assertEquals("v001", classifier.version());
            IntentPrediction p = classifier.classify("my card still hasn't come").orElseThrow();
            assertEquals("card_arrival", p.intent());
            assertTrue(p.confidence() > 0.34);
            assertEquals(Optional.empty(), classifier.classify("   "));
            assertEquals(3, classifier.top("lost my card", 3).size());
        }
    }
}
