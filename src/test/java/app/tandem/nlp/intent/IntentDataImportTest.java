package app.tandem.nlp.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad training files give a clear report of what was skipped, and the good rows still load. */
class IntentDataImportTest {

    @Test
    void badRowsAreSkippedWithReasons(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM
        bytes.write(String.join("\n",
                "text,category",
                "my card has not arrived,card_arrival",
                "  ,card_arrival",
                "how do I top up,",
                "my card has not arrived,card_arrival",
                "is my card lost?,lost_card",
                "is my card lost?,card_arrival",
                "\"one,two\",three,four",
                "cancel my transfer,cancel_transfer",
                "").getBytes(StandardCharsets.UTF_8));
        bytes.write("caf\u00e9 card payment declined,declined_card_payment\n".getBytes(StandardCharsets.ISO_8859_1));
        Path file = dir.resolve("train.csv");
        Files.write(file, bytes.toByteArray());

        IntentDataImport.Result r = IntentDataImport.readCsv(file,
                Optional.of(Set.of("card_arrival", "lost_card", "declined_card_payment")));

        assertEquals(2, r.examples().size(), r.summary());
        assertEquals("café card payment declined", r.examples().get(1).text());
        assertEquals(1, r.reencodedLines());
        Map<IntentDataImport.SkipReason, Integer> by = r.skippedByReason();
        assertEquals(1, by.get(IntentDataImport.SkipReason.EMPTY_TEXT));
        assertEquals(1, by.get(IntentDataImport.SkipReason.EMPTY_LABEL));
        assertEquals(1, by.get(IntentDataImport.SkipReason.DUPLICATE));
        assertEquals(2, by.get(IntentDataImport.SkipReason.CONFLICTING_LABELS));
        assertEquals(1, by.get(IntentDataImport.SkipReason.MALFORMED));
        assertEquals(1, by.get(IntentDataImport.SkipReason.UNKNOWN_LABEL));
        String summary = r.summary();
        assertTrue(summary.contains("7 skipped"), summary);
        assertTrue(summary.contains("same text with different intents"), summary);
        assertTrue(summary.contains("Windows-1252"), summary);
    }

    @Test
    void aFileWithoutTheColumnsIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("x.csv");
        Files.writeString(file, "utterance,label\nhello,greet\n");
        IOException e = assertThrows(IOException.class, () -> IntentDataImport.readCsv(file, Optional.empty()));
        assertTrue(e.getMessage().contains("text,category"));
    }
}
