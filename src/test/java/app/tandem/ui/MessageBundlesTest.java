package app.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
}
