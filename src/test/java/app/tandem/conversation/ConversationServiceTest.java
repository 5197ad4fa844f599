package app.tandem.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.store.Database;
import app.tandem.store.JdbcConversationRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationServiceTest {

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
    void turnsAreStoredInOrderAndListenersHearOfThem() {
        List<Message> heard = new ArrayList<>();
        service.addListener(new ConversationListener() {
            @Override
            public void messageAdded(Message message) {
                heard.add(message);
            }
        });
        Conversation c = service.open(Optional.empty(), Channel.PHONE, "Walk-in");
        service.receiveFromCustomer(c.id(), "  I lost my card  ");
        service.sendFromAgent(c.id(), "I have frozen it.", MessageOrigin.TYPED, OptionalLong.empty(), "ann");
        List<Message> turns = service.messages(c.id());
        assertEquals(List.of(1, 2), turns.stream().map(Message::seq).toList());
        assertEquals("I lost my card", turns.get(0).text());
        assertEquals(Author.AGENT, turns.get(1).author());
        assertEquals(Optional.of("ann"), turns.get(1).agent());
        assertEquals(2, heard.size());
    }

    @Test
    void aReplyThatClaimsAWaitingConversationIsHeardAsAClaimOnce() {
        List<ConversationEvent> moves = new ArrayList<>();
        service.addListener(new ConversationListener() {
            @Override
            public void conversationMoved(Conversation conversation, ConversationEvent move) {
                moves.add(move);
            }
        });
        Conversation c = service.open(Optional.empty(), Channel.CHAT, "Card");
        service.receiveFromCustomer(c.id(), "Where is my card?");
        service.sendFromAgent(c.id(), "Let me check.", MessageOrigin.TYPED, OptionalLong.empty(), "ann");
        service.sendFromAgent(c.id(), "It was posted on Monday.", MessageOrigin.TYPED, OptionalLong.empty(), "ann");
        assertEquals(1, moves.size(), "the second reply claims nothing");
        assertEquals(ConversationEvent.Kind.CLAIMED, moves.get(0).kind());
        assertEquals(Optional.of("ann"), moves.get(0).to());
        assertTrue(service.assignment(c.id()).orElseThrow().isHeldBy("ann"));
    }

    @Test
    void emptyMessagesAreIgnored() {
        Conversation c = service.open(Optional.empty(), Channel.CHAT, "t");
        assertTrue(service.receiveFromCustomer(c.id(), "   \n ").isEmpty());
        assertTrue(service.messages(c.id()).isEmpty());
    }

    @Test
    void overlongMessageIsRefusedAndNothingElseIsLost() {
        Conversation c = service.open(Optional.empty(), Channel.CHAT, "t");
        service.receiveFromCustomer(c.id(), "first");
        MessageRejectedException e = assertThrows(MessageRejectedException.class,
                () -> service.receiveFromCustomer(c.id(), "x".repeat(ConversationService.MAX_MESSAGE_LENGTH + 1)));
        assertTrue(e.getMessage().contains("10000"));
        assertEquals(1, service.messages(c.id()).size());
        service.receiveFromCustomer(c.id(), "y".repeat(ConversationService.MAX_MESSAGE_LENGTH));
        assertEquals(2, service.messages(c.id()).size());
    }

    @Test
    void queueShowsHowLongTheCustomerHasWaited() {
        Conversation c = service.open(Optional.empty(), Channel.CHAT, "Queue");
        assertTrue(service.queue().get(0).waitingSince().isEmpty());
        Message asked = service.receiveFromCustomer(c.id(), "hello?").orElseThrow();
        QueueEntry waiting = service.queue().get(0);
        assertEquals(Optional.of(asked.sentAt()), waiting.waitingSince());
        assertEquals(1, waiting.lastSeq());
        service.sendFromAgent(c.id(), "Hi!", MessageOrigin.TYPED, OptionalLong.empty(), "ann");
        assertTrue(service.queue().get(0).waitingSince().isEmpty());
        service.close(c.id(), "Greeted");
        assertTrue(service.queue().isEmpty());
        assertThrows(MessageRejectedException.class, () -> service.receiveFromCustomer(c.id(), "still there?"));
    }

    /** Over conversations.title (256): refused with the field and the limit, never the value, before H2 sees it. */
    @Test
    void aTitleOverTheLimitIsRefusedAndNothingIsOpened() {
        String title = "Lost card of Mrs Example ".repeat(11); // 274 characters once stripped
        MessageRejectedException refused = assertThrows(MessageRejectedException.class,
                () -> service.open(Optional.empty(), Channel.PHONE, title));
        assertEquals(MessageRejectedException.Reason.TITLE_TOO_LONG, refused.reason());
        assertEquals("This title has 274 characters; the limit is 256. Shorten it.", refused.getMessage());
        assertFalse(refused.getMessage().contains("Example"));
        assertTrue(service.queue().isEmpty());
        assertEquals(256, service.open(Optional.empty(), Channel.PHONE, "t".repeat(256)).title().length());
    }

    /** Over conversations.summary (4,000): refused the same way, and the conversation as stored is left as it was. */
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
