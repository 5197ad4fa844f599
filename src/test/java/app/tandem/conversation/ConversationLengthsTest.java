package app.tandem.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.store.Database;
import app.tandem.store.JdbcConversationRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A title over conversations.title (256) or a summary over conversations.summary (4,000) is refused by the
 * service with the field and the limit, before H2 quotes the value in a "value too long" error; the
 * conversation as stored is left as it was.
 */
class ConversationLengthsTest {

    @TempDir
    Path folder;
    private Database db;
    private ConversationService service;

    @BeforeEach
    void open() {
        db = Database.open(folder);
        service = new ConversationService(new JdbcConversationRepository(db.dataSource()), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aTitleOverTheLimitIsRefusedAndNothingIsOpened() {
        String title = "Lost card of Mrs Example ".repeat(11); // 275 characters
        MessageRejectedException refused = assertThrows(MessageRejectedException.class,
                () -> service.open(Optional.empty(), Channel.PHONE, title));
        assertEquals(MessageRejectedException.Reason.TITLE_TOO_LONG, refused.reason());
        assertEquals("This title has 274 characters; the limit is 256. Shorten it.", refused.getMessage());
        assertFalse(refused.getMessage().contains("Example"));
        assertTrue(service.queue().isEmpty());
        assertEquals(256, service.open(Optional.empty(), Channel.PHONE, "t".repeat(256)).title().length());
    }

    @Test
    void aSummaryOverTheLimitIsRefusedAndTheConversationStaysOpen() {
        Conversation c = service.open(Optional.empty(), Channel.CHAT, "Card");
        String summary = "Customer Mrs Example lost her card. ".repeat(120); // 4,320 characters before stripping
        MessageRejectedException refused = assertThrows(MessageRejectedException.class, () -> service.close(c.id(), summary));
        assertEquals(MessageRejectedException.Reason.SUMMARY_TOO_LONG, refused.reason());
        assertEquals("This summary has " + summary.strip().length() + " characters; the limit is 4000. Shorten it.",
                refused.getMessage());
        assertFalse(refused.getMessage().contains("Example"));
        assertTrue(service.find(c.id()).orElseThrow().isOpen(), "nothing already saved is touched");
        service.close(c.id(), "s".repeat(ConversationService.MAX_SUMMARY_LENGTH));
        assertFalse(service.find(c.id()).orElseThrow().isOpen());
    }
}
