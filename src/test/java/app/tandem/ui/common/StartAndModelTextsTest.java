package app.tandem.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.kb.ArticleProblem;
import app.tandem.kb.StartWarning;
import app.tandem.nlp.EncoderStatus;
import app.tandem.nlp.EngineStatus;
import app.tandem.nlp.Language;
import app.tandem.nlp.ModelStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up warnings and the models' status line read as Chinese on the Chinese desk, and as the command line says them in English. */
class StartAndModelTextsTest {

    private final Texts en = Texts.of(Locale.ENGLISH);
    private final Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);

    @Test
    void aSkippedBundledFileIsToldWithItsReasonInChinese() {
        StartWarning skipped = StartWarning.skipped("kb/zh/broken.md", ArticleProblem.of(ArticleProblem.Kind.MISSING_KEY, "language"));
        assertEquals("已跳过 kb/zh/broken.md：前置元数据中缺少“language”".replace("前置元数据中缺少“language”",
                zh.articleProblem(skipped.problem().orElseThrow())), zh.startWarning(skipped));
        assertEquals("Skipped kb/zh/broken.md: missing \"language\" in the front matter", en.startWarning(skipped));
        assertEquals(skipped.english(), en.startWarning(skipped), "the English desk says what doctor says");
    }

    @Test
    void aRebuiltIndexIsToldInChinese() {
        assertEquals("搜索索引已根据数据库重建。", zh.startWarning(StartWarning.indexRebuilt()));
        assertEquals(StartWarning.indexRebuilt().english(), en.startWarning(StartWarning.indexRebuilt()));
    }

    @Test
    void theStartWindowSaysItsStepsInChinese() {
        assertEquals("正在打开数据库", zh.get("startup.step." + app.tandem.work.StartStep.OPENING_DATABASE.name()));
        for (app.tandem.work.StartStep step : app.tandem.work.StartStep.values()) {
            assertEquals(step.english(), en.get("startup.step." + step.name()), step.name());
        }
    }

    @Test
    void whyAModelIsUnavailableIsToldInChineseWithItsTechnicalCauseAsItCame() {
        assertEquals("推理引擎 PyTorch 无法启动（no libtorch for linux-aarch64）",
                zh.modelProblem(unavailable(ModelStatus.Cause.ENGINE_FAILED, "no libtorch for linux-aarch64")));
        assertEquals("模型 bge-small-zh-v15-q 不在模型目录（models/index.txt）中",
                zh.modelProblem(unavailable(ModelStatus.Cause.NOT_IN_CATALOG, "")));
        assertEquals("模型 bge-small-zh-v15-q 加载失败（java.lang.OutOfMemoryError）",
                zh.modelProblem(unavailable(ModelStatus.Cause.LOAD_FAILED, "java.lang.OutOfMemoryError")));
    }

    @Test
    void theEnglishDeskSaysWhatTheCommandLineSays() {
        for (ModelStatus.Cause cause : ModelStatus.Cause.values()) {
            ModelStatus m = unavailable(cause, "some detail");
            assertEquals(m.explanation(), en.modelProblem(m), cause.name());
            EncoderStatus encoders = new EncoderStatus("cpu()", List.of(m), Map.of(Language.ZH, m.modelId()));
            assertEquals(EngineStatus.ready(encoders, -1).english(), en.engineStatus(EngineStatus.ready(encoders, -1)), cause.name());
        }
        assertEquals(EngineStatus.keywordsOnly("x").english(), en.engineStatus(EngineStatus.keywordsOnly("x")));
        assertEquals(EngineStatus.notLoaded().english(), en.engineStatus(EngineStatus.notLoaded()));
    }

    private static ModelStatus unavailable(ModelStatus.Cause cause, String detail) {
        return ModelStatus.unavailable("bge-small-zh-v15-q", List.of("zh"), cause, detail);
    }
}
