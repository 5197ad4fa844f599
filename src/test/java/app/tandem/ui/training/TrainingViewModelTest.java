package app.tandem.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ml.train.LinearHead;
import app.tandem.nlp.intent.InMemoryIntentExamples;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.IntentModelTrainer;
import app.tandem.nlp.intent.IntentModels;
import app.tandem.nlp.intent.IntentTrainingSet;
import app.tandem.nlp.intent.PromotedIntentModel;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
        assertTrue(vm.canRollBackProperty().get(), "v001 was promoted before v002");
        // Nothing loads the head here (no encoder): the store's current version is named as not loaded yet.
        assertTrue(vm.modelInUseProperty().get().startsWith("v002 is the current intent model"), vm.modelInUseProperty().get());
        vm.rollback();
        assertTrue(vm.messageProperty().get().contains("v001"));
        assertFalse(vm.versions().get(0).current());
        assertTrue(vm.versions().get(1).current());
        assertFalse(vm.canRollBackProperty().get(), "nothing before v001");
        vm.promote("v002");
        assertTrue(vm.versions().get(0).current());
        assertTrue(vm.reportText(vm.versions().get(0)).contains("Validation accuracy: 93"), vm.reportText(vm.versions().get(0)));
    }

    /** In the Chinese UI the skip report, the phases, the fallbacks and the promotion decision are Chinese. */
    @Test
    void speaksChineseInTheChineseUi(@TempDir Path dir) throws Exception {
        IntentModelStore store = new IntentModelStore(dir.resolve("intent"));
        IntentModels models = new IntentModels(new IntentModelTrainer(store, Clock.systemUTC()),
                new IntentTrainingSet(new InMemoryIntentExamples(), Clock.systemUTC()), new PromotedIntentModel(store, Optional::empty));
        TrainingViewModel vm = new TrainingViewModel(models, Texts.of(Locale.SIMPLIFIED_CHINESE), new CurrentThreadTaskExecutor(),
                Runnable::run, Runnable::run);
        Path csv = dir.resolve("data.csv");
        byte[] head = "text,category\nmy card is late,card_arrival\n,card_arrival\nmy card is late,card_arrival\nblocked,pin_blocked\nblocked,change_pin\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] latin = "caf\u00e9 card,card_arrival\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + latin.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(latin, 0, all, head.length, latin.length);
        Files.write(csv, all);
        vm.chooseData(csv);
        String summary = vm.dataSummaryProperty().get();
        assertTrue(summary.startsWith("保留 2 条样例（1 个意图），跳过 4 行："), summary);
        assertTrue(summary.contains("文本为空：1 行（如第 3 行）"), summary);
        assertTrue(summary.contains("与前面的行重复：1 行（如第 4 行：my card is late）"), summary);
        assertTrue(summary.contains("同一文本标注了不同意图：2 行（如第 5 行：blocked -> change_pin / pin_blocked）"), summary);
        assertTrue(summary.contains("1 行不是 UTF-8 编码，已按 Windows-1252 读取"), summary);
        assertFalse(summary.matches("(?s).*\\b(kept|skipped|line)\\b.*"), summary);

        Path one = dir.resolve("one.csv");
        Files.writeString(one, "text,category\nmy card is late,card_arrival\nwhere is my card,card_arrival\n");
        vm.chooseData(one);
        vm.start();
        assertEquals("训练失败：数据中只有 1 个意图，训练至少需要两个", vm.messageProperty().get());
        Path noHeader = dir.resolve("no-header.csv");
        Files.writeString(noHeader, "utterance,label\nmy card is late,card_arrival\n");
        vm.chooseData(noHeader);
        assertEquals("第一行必须是列名 text,category；此文件的第一行是：utterance,label", vm.dataSummaryProperty().get());

        assertEquals("正在微调（第 1 轮，共 3 轮）", vm.phase(app.tandem.ml.train.TrainingPhase.fineTuning(1, 3)));
        assertEquals("正在编码 1,200 条语句", vm.phase(app.tandem.ml.train.TrainingPhase.encoding(1200)));
        assertEquals("gpu(0) 内存不足：改为每批 16 条重试", vm.note(app.tandem.ml.train.TrainingNote.smallerBatches("gpu(0)", 16)));
        assertEquals("未启用：验证准确率 0.9012，未超过 v002 的 0.9100",
                vm.decision(new app.tandem.nlp.intent.Promotion(app.tandem.nlp.intent.Promotion.Kind.DOES_NOT_BEAT_CURRENT, "v002", 0.9012, 0.91)));
    }
}
