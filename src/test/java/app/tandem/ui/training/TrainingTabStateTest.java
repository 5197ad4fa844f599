package app.tandem.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ml.train.TrainingMonitor;
import app.tandem.nlp.intent.IntentDataImport;
import app.tandem.nlp.intent.IntentExample;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.IntentModelTrainer;
import app.tandem.nlp.intent.IntentModels;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the Training tab says and allows before and between runs, over versions kept in memory (no files, no models). */
class TrainingTabStateTest {

    /** Versions and their promotion history in memory; {@code loaded} is what the desk would have loaded. */
    private static final class Versions implements IntentTraining {
        final List<String> ids = new ArrayList<>();
        final List<String> history = new ArrayList<>();
        boolean loaded = true;

        Versions promoted(String id) {
            if (!ids.contains(id)) {
                ids.add(id);
            }
            history.remove(id);
            history.add(id);
            return this;
        }

        private Optional<String> current() {
            return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
        }

        @Override
        public List<IntentModelStore.Version> versions() {
            return ids.stream().sorted((a, b) -> b.compareTo(a)).map(id -> new IntentModelStore.Version(id,
                    Map.of("validation.accuracy", "0." + (80 + ids.indexOf(id))), current().map(id::equals).orElse(false))).toList();
        }

        @Override
        public IntentModels.OfficeExamples officeExampleCounts() {
            return new IntentModels.OfficeExamples(0, 0, current());
        }

        @Override
        public int officeExampleCount() {
            return 0;
        }

        @Override
        public Optional<String> inUse() {
            return loaded ? current() : Optional.empty();
        }

        @Override
        public Optional<String> rollbackTarget() {
            return history.size() < 2 ? Optional.empty() : Optional.of(history.get(history.size() - 2));
        }

        @Override
        public IntentDataImport.Result trainingData(List<IntentExample> imported) {
            throw new AssertionError("no run in these tests");
        }

        @Override
        public IntentModelTrainer.Outcome train(IntentModelTrainer.Request request, TrainingMonitor monitor) {
            throw new AssertionError("no run in these tests");
        }

        @Override
        public void promote(String version) {
            promoted(version);
        }

        @Override
        public Optional<String> rollback() {
            if (history.size() < 2) {
                return Optional.empty();
            }
            history.remove(history.size() - 1);
            return current();
        }
    }

    private static TrainingViewModel tab(IntentTraining models, Locale locale) {
        TrainingViewModel vm = new TrainingViewModel(models, Texts.of(locale), new CurrentThreadTaskExecutor(), Runnable::run,
                Runnable::run);
        vm.refreshVersions();
        return vm;
    }

    @Test
    void withNothingTrainedThereIsNothingToRollBackAndTheDeskUsesItsOtherIntentSources() {
        TrainingViewModel vm = tab(new Versions(), Locale.ENGLISH);
        assertFalse(vm.canRollBackProperty().get(), "nothing to roll back to");
        assertTrue(vm.versions().isEmpty());
        assertTrue(vm.curve().isEmpty());
        assertEquals(Texts.of(Locale.ENGLISH).get("training.inUseNone"), vm.modelInUseProperty().get());
        assertTrue(vm.modelInUseProperty().get().contains("keyword rules"), vm.modelInUseProperty().get());
        assertFalse(vm.canStart(), "no CSV and no office examples");
        vm.start();
        assertEquals(Texts.of(Locale.ENGLISH).get("training.needData"), vm.messageProperty().get());
    }

    @Test
    void oneVersionIsNamedAsTheModelInUseAndCannotBeRolledBack() {
        TrainingViewModel vm = tab(new Versions().promoted("v001"), Locale.ENGLISH);
        assertEquals("The desk recognises intents with v001 now (validation accuracy 0.80).", vm.modelInUseProperty().get());
        assertFalse(vm.canRollBackProperty().get(), "one promotion: nothing earlier to go back to");
    }

    @Test
    void rollingBackNamesTheEarlierModelAndDisablesRollBackWhenNoneIsLeft() {
        TrainingViewModel vm = tab(new Versions().promoted("v001").promoted("v002"), Locale.ENGLISH);
        assertTrue(vm.canRollBackProperty().get());
        assertTrue(vm.modelInUseProperty().get().contains("v002"), vm.modelInUseProperty().get());
        vm.rollback();
        assertTrue(vm.messageProperty().get().contains("v001"), vm.messageProperty().get());
        assertTrue(vm.modelInUseProperty().get().contains("v001"), vm.modelInUseProperty().get());
        assertFalse(vm.canRollBackProperty().get());
    }

    @Test
    void aCurrentVersionNotLoadedYetIsSaidSo() {
        Versions versions = new Versions().promoted("v001");
        versions.loaded = false;
        TrainingViewModel vm = tab(versions, Locale.ENGLISH);
        assertTrue(vm.modelInUseProperty().get().startsWith("v001 is the current intent model but is not loaded yet"),
                vm.modelInUseProperty().get());
    }

    @Test
    void theModelInUseIsSaidInChinese() {
        assertEquals("工作台现在使用 v001 识别意图（验证准确率 0.80）。",
                tab(new Versions().promoted("v001"), Locale.SIMPLIFIED_CHINESE).modelInUseProperty().get());
        assertTrue(tab(new Versions(), Locale.SIMPLIFIED_CHINESE).modelInUseProperty().get().startsWith("还没有训练好的意图模型"));
    }
}
