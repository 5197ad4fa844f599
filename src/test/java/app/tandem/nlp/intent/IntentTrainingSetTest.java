package app.tandem.nlp.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.store.Database;
import app.tandem.store.JdbcIntentExampleRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Examples go to H2 redacted; duplicates are ignored. */
class IntentTrainingSetTest {

    @Test
    void storesRedactedExamplesOnce(@TempDir Path dir) {
        try (Database db = Database.open(dir)) {
            IntentTrainingSet set = new IntentTrainingSet(new JdbcIntentExampleRepository(db.dataSource()),
                    Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC));
            assertTrue(set.add("My card 4111 1111 1111 1111 has not  arrived", "card_arrival", "conversation:7"));
            assertFalse(set.add("My card 4111 1111 1111 1111 has not arrived", "card_arrival", "conversation:8"));
            assertTrue(set.add("write to me at ann@example.com", "contact", "import:x.csv"));
            assertThrows(IllegalArgumentException.class, () -> set.add(" ", "card_arrival", "x"));
            assertEquals(2, set.size());
            assertEquals("My card [card] has not arrived", set.examples().get(0).text());
            assertEquals("write to me at [email]", set.examples().get(1).text());
            assertEquals("conversation:7", set.stored().get(0).source());
        }
    }
}
