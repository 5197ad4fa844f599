package app.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ml.train.LinearHead;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.InMemoryIntentExamples;
import app.tandem.nlp.intent.IntentModelTrainer;
import app.tandem.nlp.intent.IntentModels;
import app.tandem.nlp.intent.IntentTrainingSet;
import app.tandem.nlp.intent.PromotedIntentModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Training tab's view model over a real version store, with work run synchronously. */
class TrainingViewModelTest {

    @Test
    void showsTheSkipReportListsVersionsAndRollsBack(@TempDir Path dir) throws Exception {
        IntentModelStore store = new IntentModelStore(dir.resolve("intent"));
        for (String acc : List.of("0.90", "0.93")) {
            Path staging = store.newStaging();
            new LinearHead(List.of("a", "b"), 2, new float[4], new float[2]).write(staging.resolve(IntentModelStore.HEAD_FILE));
            store.promote(store.commit(staging, Map.of("validation.accuracy", acc, "data", "x.csv")));
        }
        IntentTrainingSet office = new IntentTrainingSet(new InMemoryIntentExamples(), Clock.systemUTC());
        office.add("my card never came", "card_arrival", "correction:1:1");
        IntentModels models = new IntentModels(new IntentModelTrainer(store, Clock.systemUTC()), office,
                new PromotedIntentModel(store, Optional::empty));
        TrainingViewModel vm = new TrainingViewModel(models, Texts.of(Locale.ENGLISH), new CurrentThreadTaskExecutor(),
                Runnable::run, Runnable::run);

        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "text,category\nmy card is late,card_arrival\n,card_arrival\nmy card is late,card_arrival\n");
        vm.chooseData(csv);
        assertTrue(vm.dataSummaryProperty().get().contains("1 examples kept"), vm.dataSummaryProperty().get());
        assertTrue(vm.dataSummaryProperty().get().contains("2 skipped"));
        assertTrue(vm.canStart());

        vm.refreshVersions();
        // The versions were made before the example was added and have no creation time: all of it counts as new.
        assertTrue(vm.officeExamplesProperty().get().contains("1, of which 1 since v002"), vm.officeExamplesProperty().get());
        assertEquals(List.of("v002", "v001"), vm.versions().stream().map(TrainingViewModel.VersionRow::id).toList());
        assertTrue(vm.versions().get(0).current());
        vm.rollback();
        assertTrue(vm.messageProperty().get().contains("v001"));
        assertFalse(vm.versions().get(0).current());
        assertTrue(vm.versions().get(1).current());
        vm.promote("v002");
        assertTrue(vm.versions().get(0).current());
        assertTrue(TrainingViewModel.reportText(vm.versions().get(0)).contains("validation.accuracy = 0.93"));
    }
}
