package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.backup.BackupRefusedException;
import app.tandem.backup.OfficeBackups;
import app.tandem.conversation.Channel;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.SearchFilter;
import app.tandem.security.PasswordHasher;
import app.tandem.store.OfficeServer;
import app.tandem.store.StoreException;
import app.tandem.work.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two seats, each a whole Tandem with its own data folder and index, on one office server (loopback). */
@Slow
class OfficeSeatsTest {

    @TempDir
    Path tmp;

    @Test
    void whatOneSeatWritesTheOtherSeatSees() {
        try (OfficeServer server = serve(tmp.resolve("server"))) {
            OfficeSeat seat = new OfficeSeat("127.0.0.1", server.port(), server.newKey().orElseThrow());
            seat.save(tmp.resolve("seat-a"));
            seat.save(tmp.resolve("seat-b"));
            long conversation;
            try (Tandem a = start(tmp.resolve("seat-a"))) {
                assertEquals(Optional.of(seat), a.seat());
                assertTrue(a.knowledgeBase.count() > 0, "the seat indexes the knowledge base its server seeded");
                conversation = a.conversations.open(Optional.empty(), Channel.BRANCH, "Mortgage appointment").id();
                Article close = a.knowledgeBase.find("account-close-en").orElseThrow();
                a.knowledgeBase.save(new Article(close.id(), close.title(), close.language(), ArticleStatus.PUBLISHED,
                        close.tags(), close.intents(), close.translationOf(),
                        close.body() + "\n\nBranch staff close it the same day with the zebracorn form.", close.version(),
                        Instant.now(), "ann"), close.version(), "ann");
            }
            try (Tandem b = start(tmp.resolve("seat-b"))) {
                assertTrue(b.conversations.queue().stream().anyMatch(q -> q.conversation().id() == conversation),
                        "the office queue holds the conversation seat A opened");
                assertEquals("account-close-en", b.knowledgeBase.search("zebracorn form", SearchFilter.everything(), 1).get(0).articleId(),
                        "seat B's own index holds seat A's edit");
            }
            assertFalse(Files.exists(tmp.resolve("seat-b").resolve("tandem.mv.db")), "a seat keeps no database of its own");
        }
    }

    @Test
    void aPublishOnOneSeatIsFoundOnAnotherWhileBothWork() throws InterruptedException {
        try (OfficeServer server = serve(tmp.resolve("server"))) {
            OfficeSeat seat = new OfficeSeat("127.0.0.1", server.port(), server.newKey().orElseThrow());
            seat.save(tmp.resolve("seat-a"));
            seat.save(tmp.resolve("seat-b"));
            try (Tandem a = start(tmp.resolve("seat-a")); Tandem b = start(tmp.resolve("seat-b"))) {
                Article close = a.knowledgeBase.find("account-close-en").orElseThrow();
                long published = System.nanoTime();
                a.knowledgeBase.save(new Article(close.id(), close.title(), close.language(), ArticleStatus.PUBLISHED,
                        close.tags(), close.intents(), close.translationOf(), close.body() + "\n\nAsk for the quokka letter.",
                        close.version(), Instant.now(), "ann"), close.version(), "ann");
                // The issue asks for 2 s; the bound here leaves room for a loaded CI machine.
                long deadline = published + 10_000_000_000L;
                while (b.knowledgeBase.search("quokka", SearchFilter.everything(), 1).isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals("account-close-en", b.knowledgeBase.search("quokka", SearchFilter.everything(), 1).get(0).articleId(),
                        "seat B follows seat A's publish while both are open");
            }
        }
    }

    @Test
    void theOfficeIsBackedUpWhereItIsServedNotFromASeat() {
        try (OfficeServer server = serve(tmp.resolve("server"))) {
            OfficeSeat seat = new OfficeSeat("127.0.0.1", server.port(), server.newKey().orElseThrow());
            seat.save(tmp.resolve("seat-a"));
            try (Tandem a = start(tmp.resolve("seat-a"))) {
                a.conversations.open(Optional.empty(), Channel.PHONE, "Before the backup");
                BackupRefusedException refused = assertThrows(BackupRefusedException.class,
                        () -> a.backups.backUp(tmp.resolve("from-seat.zip"), false, Progress.NONE));
                assertEquals(BackupRefusedException.Reason.ON_THE_OFFICE_SERVER, refused.reason());
                OfficeBackups.Taken taken = Backups.ofOfficeServer(server, tmp.resolve("server"))
                        .backUp(tmp.resolve("office.zip"), false, Progress.NONE);
                assertTrue(taken.manifest().rows() > 0, "the server's backup holds the office's rows");
            }
        }
    }

    @Test
    void theKeyIsCheckedBeforeTheSeatIsKeptAndKeptPrivate() throws Exception {
        try (OfficeServer server = serve(tmp.resolve("server"))) {
            Path folder = tmp.resolve("seat");
            OfficeSeat wrong = new OfficeSeat("127.0.0.1", server.port(), "NOT-THE-KEY");
            StoreException refused = assertThrows(StoreException.class, () -> wrong.open().close());
            assertTrue(refused.getMessage().contains("office key"), refused.getMessage());

            OfficeSeat right = OfficeSeat.of("127.0.0.1:" + server.port(), " " + server.newKey().orElseThrow() + " ");
            right.save(folder);
            assertEquals(Optional.of(right), Seat.of(folder));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(OfficeSeat.FILE))));
            assertTrue(Seat.leave(folder));
            assertEquals(Optional.empty(), Seat.of(folder));
        }
    }

    @Test
    void aMistypedServerIsRefusedInASentence() {
        assertEquals("\"98000\" is not a port number (1 to 65535).",
                assertThrows(IllegalArgumentException.class, () -> OfficeSeat.of("branch-pc:98000", "KEY")).getMessage());
        assertEquals("\"x\" is not a port number (1 to 65535).",
                assertThrows(IllegalArgumentException.class, () -> OfficeSeat.of("branch-pc:x", "KEY")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OfficeSeat.of("branch-pc", "  ")).getMessage()
                .startsWith("The office key is empty"));
    }

    @Test
    void seatsNeverSeedTheOffice() {
        // Two seats starting together on a new office would both find it empty; only the server fills it.
        try (OfficeServer server = OfficeServer.start(tmp.resolve("server"), 0, false)) {
            new OfficeSeat("127.0.0.1", server.port(), server.newKey().orElseThrow()).save(tmp.resolve("seat"));
            try (Tandem seat = start(tmp.resolve("seat"))) {
                assertEquals(0, seat.knowledgeBase.count());
                assertEquals(0, seat.customers.count());
            }
            FirstStart.seedOffice(server.database(), Clock.systemUTC());
            long articles;
            try (Tandem seat = start(tmp.resolve("seat"))) {
                articles = seat.knowledgeBase.count();
                assertTrue(articles > 0);
            }
            FirstStart.seedOffice(server.database(), Clock.systemUTC());
            try (Tandem seat = start(tmp.resolve("seat"))) {
                assertEquals(articles, seat.knowledgeBase.count(), "seeding a filled office adds nothing");
            }
        }
    }

    /** As {@code tandem server} does: the office database, filled once by its server. */
    static OfficeServer serve(Path folder) {
        OfficeServer server = OfficeServer.start(folder, 0, false);
        FirstStart.seedOffice(server.database(), Clock.systemUTC());
        return server;
    }

    private static Tandem start(Path folder) {
        return Tandem.start(folder, Progress.NONE, new PasswordHasher(1_000), Clock.systemUTC(), false);
    }
}
