package app.tandem.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.store.Database;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcCustomerRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class TranscriptReplayTest {

    @TempDir
    Path folder;
    private Database db;
    private ConversationService conversations;
    private ScheduledExecutorService scheduler;
    private TranscriptReplay replay;

    private static final Transcript TWO_QUESTIONS = TranscriptFormat.parse("t", """
            customer (+0.01s): My card is lost
            agent: Frozen.
            customer (+0.01s): Send a new one please
            """);

    @BeforeEach
    void open() {
        db = Database.open(folder);
        conversations = new ConversationService(new JdbcConversationRepository(db.dataSource()), Clock.systemUTC());
        scheduler = Executors.newSingleThreadScheduledExecutor();
        replay = new TranscriptReplay(conversations, new JdbcCustomerRepository(db.dataSource()), scheduler);
    }

    @AfterEach
    void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }

    @Test
    void nextCustomerTurnWaitsForTheAgent() throws InterruptedException {
        TranscriptReplay.Playback playback = replay.play(TWO_QUESTIONS, 1.0, true);
        long id = playback.conversation().id();
        assertEquals(Channel.REPLAY, playback.conversation().channel());
        await(() -> conversations.messages(id).size() == 1);
        Thread.sleep(100); // a live customer would not ask again before being answered
        assertEquals(1, conversations.messages(id).size());
        conversations.sendFromAgent(id, "Frozen.", MessageOrigin.TYPED, OptionalLong.empty(), "ann");
        await(() -> conversations.messages(id).size() == 3);
        List<Message> turns = conversations.messages(id);
        assertEquals(Author.CUSTOMER, turns.get(2).author());
        assertEquals("Send a new one please", turns.get(2).text());
        assertTrue(playback.finished());
    }

    @Test
    void cancelledPlaybackSendsNothingMore() throws InterruptedException {
        Transcript slow = TranscriptFormat.parse("s", "customer (+30s): hello\n");
        TranscriptReplay.Playback playback = replay.play(slow, 1.0, false);
        playback.cancel();
        Thread.sleep(50);
        assertTrue(conversations.messages(playback.conversation().id()).isEmpty());
        assertTrue(playback.finished());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
