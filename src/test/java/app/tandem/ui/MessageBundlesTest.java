package app.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.escalation.DetectedIntent;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every text the UI shows exists in English and in Simplified Chinese: a missing key shows as its name. */
class MessageBundlesTest {

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void englishAndChineseHaveTheSameKeys() throws IOException {
        Set<String> en = keys("messages.properties");
        Set<String> zh = keys("messages_zh_CN.properties");
        Set<String> missingInChinese = new TreeSet<>(en);
        missingInChinese.removeAll(zh);
        Set<String> missingInEnglish = new TreeSet<>(zh);
        missingInEnglish.removeAll(en);
        assertEquals(Set.of(), missingInChinese, "keys missing in messages_zh_CN.properties");
        assertEquals(Set.of(), missingInEnglish, "keys missing in messages.properties");
    }

    @Test
    void theIntentChipSaysWhichSourceNamedTheIntent() {
        for (DetectedIntent.Origin origin : DetectedIntent.Origin.values()) {
            String key = "chip.intent.origin." + origin.name();
            assertTrue(!Texts.of(Locale.ENGLISH).get(key).equals(key) && !Texts.of(Locale.SIMPLIFIED_CHINESE).get(key).equals(key), key);
        }
        assertEquals("Intent from the intent model v003 (87% confident). Click to correct.", Texts.of(Locale.ENGLISH)
                .format("chip.intent.tip", Texts.of(Locale.ENGLISH).format("chip.intent.origin.MODEL", "v003", 87L)));
        assertEquals("意图来自意图模型 v003（置信度 87%）。点击纠正。", Texts.of(Locale.SIMPLIFIED_CHINESE)
                .format("chip.intent.tip", Texts.of(Locale.SIMPLIFIED_CHINESE).format("chip.intent.origin.MODEL", "v003", 87L)));
    }
}
