package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.ConversationFeed;
import app.tandem.conversation.ConversationService;
import app.tandem.office.OfficePresence;
import app.tandem.store.Database;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcPresenceRepository;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class OfficeFollowingTest {

    @TempDir
    Path folder;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(OfficeFollowing.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aServerThatIsGoneIsLoggedOnceNotAtEveryBeat() {
        Database db = Database.open(folder);
        String seat = OfficeFollowing.seatName();
        var conversations = new JdbcConversationRepository(db.dataSource(), seat);
        OfficePresence presence = new OfficePresence(new JdbcPresenceRepository(db.dataSource()), seat, Clock.systemUTC());
        presence.signedIn("ann");
        OfficeFollowing following = new OfficeFollowing(Optional.of(new ConversationFeed(conversations,
                new ConversationService(conversations, Clock.systemUTC()), seat)), presence);
        following.beat();
        following.followConversations();
        assertEquals(0, logged.list.size(), "nothing to say while the database answers");

        db.close();
        for (int i = 0; i < 5; i++) {
            following.beat();
            following.followConversations();
        }
        assertEquals(2, logged.list.stream().filter(e -> e.getLevel() == Level.WARN).count(),
                "one line for the presence, one for the conversations: " + logged.list);
    }

    @Test
    void eachTandemHasItsOwnSeatName() {
        String one = OfficeFollowing.seatName();
        assertNotEquals(one, OfficeFollowing.seatName(), "two Tandems in one JVM (as in the tests) must not skip each other's rows");
        assertTrue(one.length() <= 64, one);
    }
}
