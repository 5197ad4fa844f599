package app.tandem.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.security.Role;
import app.tandem.store.Database;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcUserRepository;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two seats on one database: what seat B does reaches seat A's listeners through A's feed, once each. */
class ConversationFeedTest {

    @TempDir
    static Path folder;
    /** One database for the class: each test's feed starts at its end, as a seat starting late would. */
    private static Database db;
    private JdbcConversationRepository storeA;
    private ConversationService seatA;
    private ConversationService seatB;
    private final List<String> heardOnA = new ArrayList<>();

    @BeforeAll
    static void open() {
        db = Database.open(folder);
        new JdbcUserRepository(db.dataSource(), Clock.systemUTC()).create("bob", "Bob Agent", Role.AGENT, "hash");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void seats() {
        storeA = new JdbcConversationRepository(db.dataSource(), "seat-a");
        seatA = new ConversationService(storeA, Clock.systemUTC());
        seatB = new ConversationService(new JdbcConversationRepository(db.dataSource(), "seat-b"), Clock.systemUTC());
        seatA.addListener(new ConversationListener() {
            @Override
            public void conversationOpened(Conversation conversation) {
                heardOnA.add("opened " + conversation.title());
            }

            @Override
            public void messageAdded(Message message) {
                heardOnA.add("turn " + message.text());
            }

            @Override
            public void conversationMoved(Conversation conversation, ConversationEvent move) {
                heardOnA.add(move.kind() + " to " + move.to().orElse("queue") + move.note().map(n -> ": " + n).orElse(""));
            }

            @Override
            public void conversationClosed(Conversation conversation) {
                heardOnA.add("closed " + conversation.title());
            }
        });
    }

    @Test
    void whatAnotherSeatDidIsToldOnceAndWhatThisSeatDidIsNotToldAgain() {
        Conversation before = seatB.open(Optional.empty(), Channel.CHAT, "Before seat A started");
        ConversationFeed feed = new ConversationFeed(storeA, seatA, "seat-a");
        assertEquals(0, feed.follow(), "the desk loads the queue itself at start: the feed begins at its end");

        Conversation chat = seatB.open(Optional.empty(), Channel.CHAT, "Card declined abroad");
        seatB.receiveFromCustomer(chat.id(), "My card was declined in Lisbon");
        seatB.claim(chat.id(), "ann");
        seatB.transfer(chat.id(), "ann", "bob", "Customer is travelling, check the travel flag");
        seatA.receiveFromCustomer(before.id(), "Told on seat A already");
        heardOnA.clear();

        assertEquals(4, feed.follow());
        assertEquals(List.of("opened Card declined abroad", "turn My card was declined in Lisbon", "CLAIMED to ann",
                "TRANSFERRED to bob: Customer is travelling, check the travel flag"), heardOnA);
        assertEquals(0, feed.follow(), "nothing is told twice");

        seatB.close(chat.id(), "Travel flag set");
        assertEquals(1, feed.follow());
        assertEquals("closed Card declined abroad", heardOnA.get(heardOnA.size() - 1));
    }

    @Test
    void aRowCommittedAfterAHigherNumberWasReadIsStillTold() throws SQLException {
        Conversation chat = seatB.open(Optional.empty(), Channel.CHAT, "Standing order");
        ConversationFeed feed = new ConversationFeed(storeA, seatA, "seat-a");
        // Another seat's transaction takes its number now and commits only after seat B's later row was read.
        try (Connection slow = db.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            try (PreparedStatement insert = slow.prepareStatement("INSERT INTO conversation_event (conversation_id, kind, "
                    + "message_seq, at, seat) VALUES (?, 'CLAIMED', 0, ?, 'seat-c')")) {
                insert.setLong(1, chat.id());
                insert.setObject(2, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
                insert.executeUpdate();
            }
            seatB.receiveFromCustomer(chat.id(), "Can I move the date?");
            assertEquals(1, feed.follow());
            slow.commit();
        }
        assertEquals(1, feed.follow(), "the late row is read again within the window and told");
        assertTrue(heardOnA.get(heardOnA.size() - 1).startsWith("CLAIMED"), heardOnA.toString());
        assertEquals(0, feed.follow());
    }

    @Test
    void aSeatFarBehindReadsEveryPage() {
        Conversation chat = seatB.open(Optional.empty(), Channel.CHAT, "Statement request");
        ConversationFeed feed = new ConversationFeed(new FeedReader(storeA, System::nanoTime, 5), seatA, "seat-a");
        int turns = 12;
        for (int i = 0; i < turns; i++) {
            seatB.receiveFromCustomer(chat.id(), "Turn " + i);
        }
        assertEquals(turns, feed.follow());
        assertEquals("turn Turn " + (turns - 1), heardOnA.get(heardOnA.size() - 1));
        assertEquals(turns, heardOnA.stream().filter(h -> h.startsWith("turn")).count());
    }

    @Test
    void workDoneOnceInTheOfficeIsNotRepeatedForAnotherSeatsClose() {
        List<Long> learnedFrom = new ArrayList<>();
        seatA.addListenerForThisSeat(new ConversationListener() {
            @Override
            public void conversationClosed(Conversation conversation) {
                learnedFrom.add(conversation.id());
            }
        });
        ConversationFeed feed = new ConversationFeed(storeA, seatA, "seat-a");
        Conversation closedOnB = seatB.open(Optional.empty(), Channel.CHAT, "Closed on seat B");
        seatB.close(closedOnB.id(), "Answered");
        Conversation closedOnA = seatA.open(Optional.empty(), Channel.CHAT, "Closed on seat A");
        seatA.close(closedOnA.id(), "Answered");

        assertEquals(2, feed.follow(), "seat B's open and close");
        assertTrue(heardOnA.contains("closed Closed on seat B"), "the desk's listeners hear it");
        assertEquals(List.of(closedOnA.id()), learnedFrom, "seat B learns from its own close; seat A does not again");
    }
}
