package app.tandem.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.escalation.KeywordIntentSource;
import app.tandem.assist.escalation.UrgentIntents;
import app.tandem.ui.desk.DeskDialogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Intent ids become names in the desk's language; an id nobody named is still readable. */
class IntentNamesTest {

    private final Texts en = Texts.of(Locale.ENGLISH);
    private final Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);

    @Test
    void shippedIntentsHaveChineseNames() {
        assertEquals("Lost or stolen card", en.intentName("lost_or_stolen_card"));
        assertTrue(zh.intentName("lost_or_stolen_card").contains("挂失"), zh.intentName("lost_or_stolen_card"));
        assertEquals("新卡寄送进度", zh.intentName("card_arrival"));
        assertEquals("退款未到账", zh.intentName("Refund_not_showing_up"), "Banking77's odd spellings are named too");
        assertEquals("刷卡消费被撤销", zh.intentName("reverted_card_payment?"));
    }

    @Test
    void unknownIdsFallBackToReadableWords() {
        assertEquals("Mortgage holiday", zh.intentName("mortgage_holiday"));
        assertEquals("Mortgage holiday", en.intentName("mortgage_holiday"));
        assertEquals("信用卡分期", zh.intentName("信用卡分期"));
        assertEquals(zh.get("chip.intent.none"), zh.intentName(""));
    }

    /** The keyword rules, the urgent list and the shipped KB articles name only intents the desk can say in both languages. */
    @Test
    void everyIntentTandemShipsHasANameInBothLanguages() throws IOException {
        Set<String> shipped = new TreeSet<>(KeywordIntentSource.intents());
        shipped.addAll(UrgentIntents.all());
        shipped.addAll(kbArticleIntents());
        assertTrue(shipped.size() > 40, "found the KB articles' intents: " + shipped);
        Set<String> known = Set.copyOf(zh.knownIntents());
        Set<String> unnamed = new TreeSet<>(shipped);
        unnamed.removeAll(known);
        assertEquals(Set.of(), unnamed);
        for (String id : known) {
            assertNotEquals(en.intentName(id), zh.intentName(id), id);
            assertTrue(zh.intentName(id).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), id);
        }
        assertEquals(Set.copyOf(en.knownIntents()), known, "both bundles name the same intents");
    }

    @Test
    void theCorrectionListIsSortedByName() {
        List<String> ids = en.knownIntents();
        assertEquals("activate_my_card", ids.get(0));
        assertTrue(ids.indexOf("lost_or_stolen_card") < ids.indexOf("verify_my_identity"));
    }

    /** What the agent types or picks in the correction dialog becomes an intent id. */
    @Test
    void correctionDialogTurnsNamesIntoIds() {
        DeskDialogs dialogs = new DeskDialogs(() -> null, zh);
        assertEquals("lost_or_stolen_card", dialogs.intentId("卡片丢失或被盗（挂失）"));
        assertEquals("lost_or_stolen_card", dialogs.intentId(" lost_or_stolen_card "));
        assertEquals("card_freeze", dialogs.intentId("card  freeze"), "a new intent: spaces become underscores");
        assertEquals("信用卡分期", dialogs.intentId("信用卡分期"));
        assertEquals("change_pin", new DeskDialogs(() -> null, en).intentId("change pin"), "names match whatever the case");
    }

    private static Set<String> kbArticleIntents() throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("kb"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                boolean inIntents = false;
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (line.startsWith("intents:")) {
                        inIntents = true;
                    } else if (inIntents && line.startsWith("  - ")) {
                        out.add(line.substring(4).strip().replaceAll("^[\"']|[\"']$", ""));
                    } else if (inIntents) {
                        break;
                    }
                }
            }
        }
        return out;
    }
}
