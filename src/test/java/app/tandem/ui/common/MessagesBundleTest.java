package app.tandem.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every word the UI shows, and every intent's name, exists in English and in Simplified Chinese. */
class MessagesBundleTest {

    private static Set<String> keys(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream("/app/tandem/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        sameKeys("messages");
    }

    @Test
    void bothIntentNameBundlesHaveTheSameKeys() throws IOException {
        sameKeys("intents");
    }

    private static void sameKeys(String bundle) throws IOException {
        Set<String> english = keys(bundle + ".properties");
        Set<String> chinese = keys(bundle + "_zh_CN.properties");
        Set<String> missingInChinese = new TreeSet<>(english);
        missingInChinese.removeAll(chinese);
        Set<String> missingInEnglish = new TreeSet<>(chinese);
        missingInEnglish.removeAll(english);
        assertEquals(Set.of(), missingInChinese, "keys without a Chinese text");
        assertEquals(Set.of(), missingInEnglish, "keys without an English text");
    }
}
