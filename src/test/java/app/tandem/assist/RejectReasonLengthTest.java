package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageRejectedException;
import app.tandem.store.Database;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcSuggestionLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reason an agent gives for rejecting a suggestion fits suggestions.reject_reason (500): a longer one used to be
 * cut without a word; now it is refused whole, before SQL, and the suggestion is left as it was.
 */
class RejectReasonLengthTest {

    @TempDir
    Path folder;
    private Database db;
    private JdbcSuggestionLog log;
    private ReplyService replies;
    private long conversationId;
    private Suggestion shown;

    @BeforeEach
    void open() {
        db = Database.open(folder);
        ConversationService conversations = new ConversationService(new JdbcConversationRepository(db.dataSource()), Clock.systemUTC());
        log = new JdbcSuggestionLog(db.dataSource(), Clock.systemUTC());
        replies = new ReplyService(conversations, log);
        Conversation c = conversations.open(Optional.empty(), Channel.CHAT, "Card");
        conversationId = c.id();
        Message asked = conversations.receiveFromCustomer(c.id(), "Where is my card?").orElseThrow();
        shown = log.recordShown(c.id(), asked.seq(), List.of(new Suggestion(0, 1, "It is on its way.", 0.8,
                SuggestionSource.ARTICLE, "card-en", OptionalInt.of(1), "card article")), "ann").get(0);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReasonOfFiveHundredCharactersIsKeptWhole() {
        String reason = "wrong-facts: " + "x".repeat(ReplyService.MAX_REASON_LENGTH - "wrong-facts: ".length());
        replies.reject(shown, Optional.of(reason), "ann");
        assertEquals(Optional.of(reason), logged().rejectReason());
        assertEquals(SuggestionAction.REJECTED, logged().action());
    }

    @Test
    void oneCharacterMoreIsRefusedAndTheSuggestionIsLeftAsItWas() {
        String reason = "x".repeat(ReplyService.MAX_REASON_LENGTH + 1);
        MessageRejectedException refused = assertThrows(MessageRejectedException.class,
                () -> replies.reject(shown, Optional.of(reason), "ann"));
        assertEquals(MessageRejectedException.Reason.REJECT_REASON_TOO_LONG, refused.reason());
        assertEquals("This reason has 501 characters; the limit is 500. Shorten it; the suggestion was not rejected.",
                refused.getMessage());
        assertNull(logged().action());
        assertEquals(Optional.empty(), logged().rejectReason());
    }

    @Test
    void theLongestNoteTheDeskAllowsFitsWithTheLongestChoice() {
        Optional<String> described = RejectReason.describe(Optional.of(RejectReason.NOT_FOR_THIS_CUSTOMER),
                Optional.of("n".repeat(RejectReason.MAX_NOTE_LENGTH)));
        replies.reject(shown, described, "ann");
        assertEquals(described, logged().rejectReason());
        int longestCode = java.util.Arrays.stream(RejectReason.values()).mapToInt(r -> r.code().length()).max().orElseThrow();
        assertEquals(ReplyService.MAX_REASON_LENGTH, RejectReason.MAX_NOTE_LENGTH + longestCode + ": ".length() + 2,
                "the note's limit leaves the longest code and its \": \" room, and 2 to spare");
    }

    private SuggestionLog.Logged logged() {
        return log.forConversation(conversationId).get(0);
    }
}
