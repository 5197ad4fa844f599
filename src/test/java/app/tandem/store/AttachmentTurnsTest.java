package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.conversation.Attachment;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageRejectedException;
import app.tandem.conversation.NewAttachment;
import app.tandem.conversation.ReadFrom;
import app.tandem.conversation.ReadText;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A customer turn that carried an image, stored and read back over the real H2 (V28). */
@Slow
class AttachmentTurnsTest {

    private static final byte[] IMAGE = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    private static final byte[] THUMBNAIL = {(byte) 0x89, 'P', 'N', 'G', 9};

    @TempDir
    Path folder;
    private Database db;
    private JdbcConversationRepository repository;
    private ConversationService service;
    private final List<Message> heard = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(folder);
        repository = new JdbcConversationRepository(db.dataSource(), "seat-a");
        service = new ConversationService(repository, Clock.systemUTC());
        service.addListener(new ConversationListener() {
            @Override
            public void messageAdded(Message message) {
                heard.add(message);
            }
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anImageTurnIsOneTurnWithItsReadTextMarkedAndItsImageKept() {
        Conversation c = service.open(Optional.empty(), Channel.WEB, "Web chat");
        Message turn = service.receiveWithAttachment(c.id(), "Why was this declined?", attachment("Card ending 4821 declined"));

        assertEquals("Why was this declined?\n[read from the image] Card ending 4821 declined", turn.text());
        assertEquals(List.of(turn), service.messages(c.id()), "one turn, as the desk and understanding read it");
        assertEquals(List.of(turn), heard, "listeners hear the turn once it is stored");
        ConversationEvent feedRow = repository.eventsAfter(0, 10).get(1);
        assertEquals(ConversationEvent.Kind.MESSAGE, feedRow.kind());
        assertEquals(turn.seq(), feedRow.messageSeq());

        Attachment stored = service.attachments(c.id()).get(0);
        assertEquals(turn.id(), stored.messageId());
        assertEquals(turn.seq(), stored.messageSeq());
        assertEquals(ReadFrom.IMAGE, stored.source());
        assertEquals("image/png", stored.contentType());
        assertArrayEquals(THUMBNAIL, stored.thumbnailPng());
        assertEquals(Optional.of(new ReadText("Card ending 4821 declined", 87)), stored.read());
        assertEquals(Optional.empty(), stored.correction());
        assertArrayEquals(IMAGE, service.attachmentContent(stored.id()).orElseThrow());
    }

    @Test
    void anImageWithNoReadableTextIsStillATurn() {
        Conversation c = service.open(Optional.empty(), Channel.WEB, "Web chat");
        Message turn = service.receiveWithAttachment(c.id(), "", new NewAttachment(ReadFrom.IMAGE, "image/jpeg", IMAGE,
                THUMBNAIL, Optional.empty()));

        assertEquals("", turn.text());
        assertEquals(Optional.empty(), service.attachments(c.id()).get(0).read());
    }

    @Test
    void theAgentsCorrectionIsStoredWithWhoMadeItAndIsWhatTheImageSaysFromThen() {
        Conversation c = service.open(Optional.empty(), Channel.WEB, "Web chat");
        service.receiveWithAttachment(c.id(), "", attachment("Card end1ng 4B21 dec1ined"));
        long id = service.attachments(c.id()).get(0).id();

        Attachment.Correction fix = service.correctReadText(id, " Card ending 4821 declined ", "alice");

        Attachment reread = service.attachments(c.id()).get(0);
        assertEquals(Optional.of(fix), reread.correction());
        assertEquals("alice", reread.correction().orElseThrow().by());
        assertEquals(Optional.of("Card ending 4821 declined"), reread.meaning());
        assertEquals(Optional.of(new ReadText("Card end1ng 4B21 dec1ined", 87)), reread.read(), "the machine's reading is kept");
    }

    @Test
    void aClosedConversationTakesNoImageAndNothingIsStored() {
        Conversation c = service.open(Optional.empty(), Channel.WEB, "Web chat");
        service.close(c.id(), "done");

        MessageRejectedException refused = assertThrows(MessageRejectedException.class,
                () -> service.receiveWithAttachment(c.id(), "hello", attachment("text")));

        assertEquals(MessageRejectedException.Reason.CLOSED, refused.reason());
        assertTrue(service.messages(c.id()).isEmpty());
        assertTrue(service.attachments(c.id()).isEmpty());
    }

    /** V28 is one file for both engines: the same turn, image and correction on a real PostgreSQL. */
    @Test
    void onPostgreSqlTheImageTurnAndItsCorrectionRoundTripToo(@TempDir Path pg) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(pg).start();
             Database office = Database.connect(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            ConversationService onPostgres = new ConversationService(new JdbcConversationRepository(office.dataSource(), "pg"),
                    Clock.systemUTC());
            Conversation c = onPostgres.open(Optional.empty(), Channel.WEB, "Web chat");
            onPostgres.receiveWithAttachment(c.id(), "", new NewAttachment(ReadFrom.IMAGE, "image/jpeg", IMAGE, THUMBNAIL,
                    Optional.empty()));
            Message read = onPostgres.receiveWithAttachment(c.id(), "and this", attachment("Card ending 4821"));
            List<Attachment> stored = onPostgres.attachments(c.id());

            onPostgres.correctReadText(stored.get(1).id(), "Card ending 4821 declined", "alice");

            assertEquals(List.of(1, 2), onPostgres.attachments(c.id()).stream().map(Attachment::messageSeq).toList());
            assertEquals(Optional.empty(), stored.get(0).read());
            assertEquals(read.id(), stored.get(1).messageId());
            assertArrayEquals(IMAGE, onPostgres.attachmentContent(stored.get(1).id()).orElseThrow());
            assertEquals(Optional.of("Card ending 4821 declined"), onPostgres.attachments(c.id()).get(1).meaning());
        }
    }

    private static NewAttachment attachment(String read) {
        return new NewAttachment(ReadFrom.IMAGE, "image/png", IMAGE, THUMBNAIL, Optional.of(new ReadText(read, 87)));
    }
}
