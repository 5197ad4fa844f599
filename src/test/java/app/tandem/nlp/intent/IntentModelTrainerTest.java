package app.tandem.nlp.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ml.train.HeadTrainer;
import app.tandem.ml.train.TrainingCancelledException;
import app.tandem.ml.train.TrainingMonitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole run on a toy set with the real MiniLM encoder: the first model is promoted with its report,
 * a worse one is filed but not promoted, a cancelled run leaves everything as it was, and the desk API
 * classifies with the promoted model.
 */
class IntentModelTrainerTest {

    private static final String[][] DATA = {
        {"card_arrival", "my card has not arrived yet", "when will my new card come", "still waiting for my card",
            "the card never showed up in the post", "how long does card delivery take", "is my card on its way",
            "card still not here after a week", "where is the card you sent me"},
        {"top_up", "I want to top up my account", "how do I add money to my balance", "top up with my debit card",
            "put some money on my account", "can I top up by bank transfer", "adding funds to my wallet",
            "how to load money", "top-up options please"},
        {"lost_card", "I lost my card", "my card was stolen", "someone took my wallet with the card",
            "I can't find my card anywhere", "block my lost card", "card missing, please freeze it",
            "I think I left my card at the shop", "stolen card what do I do"},
    };

    private static List<IntentExample> train() {
        List<IntentExample> out = new ArrayList<>();
        for (String[] row : DATA) {
            for (int i = 1; i <= 6; i++) {
                out.add(new IntentExample(row[i], row[0]));
            }
        }
        return out;
    }

    private static List<IntentExample> validation() {
        List<IntentExample> out = new ArrayList<>();
        for (String[] row : DATA) {
            out.add(new IntentExample(row[7], row[0]));
            out.add(new IntentExample(row[8], row[0]));
        }
        return out;
    }

    @Test
    void promotesOnlyWhenBetterAndCancelLeavesTheCurrentModel(@TempDir Path dir) throws Exception {
        IntentModelStore store = new IntentModelStore(dir.resolve("intent"));
        IntentModelTrainer trainer = new IntentModelTrainer(store, Clock.systemUTC());
        IntentModelTrainer.Request request = IntentModelTrainer.Request.of(train(), "toy")
                .withValidation(validation(), List.of("what's the weather tomorrow", "play some jazz"))
                .withHead(HeadTrainer.Settings.defaults().withMaxEpochs(60));

        IntentModelTrainer.Outcome first = trainer.train(request, TrainingMonitor.NONE);
        assertEquals("v001", first.version());
        assertTrue(first.promoted(), first.decision());
        Map<String, String> report = store.report("v001");
        assertEquals("all-minilm-l6-v2", report.get("model.id"));
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
            public void progress(String phase, long done, long total) {
                training |= phase.startsWith("Training");
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
