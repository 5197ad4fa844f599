package app.tandem.ui.training;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ui.common.Texts;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Training tab's report pane: labelled figures in the desk's language first, then the rest as written. */
class TrainingReportTextTest {

    private static Map<String, String> report() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("fine.tune.settings", "Settings[epochs=5]");
        r.put("validation.accuracy", "0.9367");
        r.put("validation.macro.f1", "0.9353");
        r.put("decision", "not promoted: validation accuracy 0.9367 does not beat v002's 0.9393");
        r.put("decision.kind", "DOES_NOT_BEAT_CURRENT");
        r.put("compared.with", "v002");
        r.put("compared.current.accuracy", "0.9393");
        r.put("fine.tuned", "true");
        r.put("time.total.seconds", "330.0465");
        r.put("created.at", "2026-12-06T02:27:29.828Z");
        return r;
    }

    @Test
    void chineseDeskReadsTheFiguresAndTheDecisionInChinese() {
        String text = new TrainingReportText(Texts.of(Locale.SIMPLIFIED_CHINESE), ZoneOffset.UTC).text(report());
        assertTrue(text.startsWith("启用决定: 未启用：验证准确率 0.9367，未超过 v002 的 0.9393"), text);
        assertTrue(text.contains("验证准确率: 93.67 %"), text);
        assertTrue(text.contains("已微调编码器: 是"), text);
        assertTrue(text.contains("合计: 330.0 s"), text);
        assertFalse(text.contains("does not beat"), "the English sentence is not shown when the decision is data");
        // what has no label is still there, as the run wrote it
        assertTrue(text.contains("fine.tune.settings = Settings[epochs=5]"), text);
    }

    @Test
    void olderReportsWithoutTheDecisionAsDataShowTheSentence() {
        Map<String, String> older = report();
        older.remove("decision.kind");
        String text = new TrainingReportText(Texts.of(Locale.ENGLISH), ZoneOffset.UTC).text(older);
        assertTrue(text.startsWith("Decision: not promoted: validation accuracy 0.9367 does not beat v002's 0.9393"), text);
        assertTrue(text.contains("Validation accuracy: 93.67 %"), text);
        assertTrue(text.indexOf("Validation accuracy") < text.indexOf("fine.tune.settings"), "figures first, the rest after");
    }
}
