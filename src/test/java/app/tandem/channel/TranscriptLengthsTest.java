package app.tandem.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.ConversationService;
import app.tandem.customer.Customer;
import app.tandem.store.Database;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcCustomerRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transcript whose {@code # title}, {@code # customer} or turn will not fit its column, or names a customer Tandem
 * does not have, is refused with the file and the line before anything is opened: H2 used to refuse it deep in
 * the replay with "value too long" or a foreign-key error that quoted the value.
 */
class TranscriptLengthsTest {

    @TempDir
    Path folder;
    private Database db;
    private ConversationService conversations;
    private ScheduledExecutorService scheduler;
    private TranscriptReplay replay;

    @BeforeEach
    void open() {
        db = Database.open(folder);
        conversations = new ConversationService(new JdbcConversationRepository(db.dataSource()), Clock.systemUTC());
        JdbcCustomerRepository customers = new JdbcCustomerRepository(db.dataSource());
        customers.save(new Customer("C1001", "Ann Example", "retail", "en", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), ""));
        scheduler = Executors.newSingleThreadScheduledExecutor();
        replay = new TranscriptReplay(conversations, customers, scheduler);
    }

    @AfterEach
    void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }

    @Test
    void aTitleOverTheLimitNamesTheLineAndTheLimit() {
        String text = "# Tandem transcript v1\n# title: " + "Mrs Example ".repeat(30) + "\ncustomer: hi\n";
        TranscriptFormatException refused = assertThrows(TranscriptFormatException.class,
                () -> TranscriptFormat.parse("long.txt", text));
        assertEquals(TranscriptFormatException.Problem.HEADER_TOO_LONG, refused.problem());
        assertEquals("long.txt line 2: the title has 359 characters; the limit is 256", refused.getMessage());
        assertFalse(refused.getMessage().contains("Example"));
        assertEquals(256, TranscriptFormat.parse("ok.txt", "# title: " + "t".repeat(256) + "\ncustomer: hi\n").title().length());
    }

    @Test
    void aCustomerIdOverTheLimitNamesTheLineAndTheLimit() {
        TranscriptFormatException refused = assertThrows(TranscriptFormatException.class,
                () -> TranscriptFormat.parse("c.txt", "# customer: " + "C".repeat(40) + "\ncustomer: hi\n"));
        assertEquals("c.txt line 1: the customer has 40 characters; the limit is 32", refused.getMessage());
    }

    @Test
    void aTurnOverTheMessageLimitNamesTheLineBeforeTheReplayStarts() {
        String text = "# title: Card\ncustomer: hi\nagent: hello\ncustomer: " + "x".repeat(ConversationService.MAX_MESSAGE_LENGTH + 1) + "\n";
        TranscriptFormatException refused = assertThrows(TranscriptFormatException.class, () -> TranscriptFormat.parse("t.txt", text));
        assertEquals(TranscriptFormatException.Problem.TURN_TOO_LONG, refused.problem());
        assertEquals("t.txt line 4: the turn has 10001 characters; the limit is 10000", refused.getMessage());
        Transcript atTheLimit = TranscriptFormat.parse("t.txt", "customer: " + "x".repeat(ConversationService.MAX_MESSAGE_LENGTH));
        assertEquals(ConversationService.MAX_MESSAGE_LENGTH, atTheLimit.customerTurns().get(0).text().length());
    }

    @Test
    void anUnknownCustomerIsRefusedBeforeAnythingIsOpened() {
        Transcript t = TranscriptFormat.parse("who.txt", "# title: Card\n# customer: C9999\ncustomer (+30s): hi\n");
        TranscriptFormatException refused = assertThrows(TranscriptFormatException.class, () -> replay.play(t, 1.0, false));
        assertEquals(TranscriptFormatException.Problem.UNKNOWN_CUSTOMER, refused.problem());
        assertEquals("who.txt: Tandem has no customer with the id in its \"# customer\" line", refused.getMessage());
        assertTrue(conversations.queue().isEmpty(), "no conversation is opened");
    }

    @Test
    void aKnownCustomerIsPlayed() {
        Transcript t = TranscriptFormat.parse("ok.txt", "# customer: C1001\ncustomer (+30s): hi\n");
        TranscriptReplay.Playback playback = replay.play(t, 1.0, false);
        assertEquals(Optional.of("C1001"), playback.conversation().customerId());
        playback.cancel();
    }
}
