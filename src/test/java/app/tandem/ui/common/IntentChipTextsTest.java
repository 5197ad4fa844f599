package app.tandem.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.escalation.DetectedIntent;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The intent chip's tooltip says which source named the intent, in English and in Chinese. */
class IntentChipTextsTest {

    @Test
    void everyOriginHasItsWordsAndTheModelVersionShows() {
        for (DetectedIntent.Origin origin : DetectedIntent.Origin.values()) {
            String key = "chip.intent.origin." + origin.name();
            assertTrue(!Texts.of(Locale.ENGLISH).get(key).equals(key) && !Texts.of(Locale.SIMPLIFIED_CHINESE).get(key).equals(key), key);
        }
        Texts en = Texts.of(Locale.ENGLISH);
        assertEquals("Intent from the intent model v003 (87% confident). Click to correct.",
                en.format("chip.intent.tip", en.format("chip.intent.origin.MODEL", "v003", 87L)));
        Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);
        assertEquals("意图来自意图模型 v003（置信度 87%）。点击纠正。",
                zh.format("chip.intent.tip", zh.format("chip.intent.origin.MODEL", "v003", 87L)));
    }
}
