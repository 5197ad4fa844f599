package app.tandem.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.backup.BackupRefusedException.Reason;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.MessageOrigin;
import app.tandem.store.Database;
import app.tandem.store.H2DatabaseCopies;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.work.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup of a real H2 database in a data folder, taken while it is open, checked, and restored into another
 * folder; and every refusal a restore makes before it touches anything.
 */
class BackupAndRestoreTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static long conversationWith(Database db, String text) {
        JdbcConversationRepository conversations = new JdbcConversationRepository(db.dataSource());
        Conversation c = conversations.create(Optional.empty(), Channel.CHAT, "Backup test", CLOCK.instant());
        conversations.append(c.id(), Author.CUSTOMER, text, MessageOrigin.CUSTOMER, OptionalLong.empty(), Optional.empty(),
                CLOCK.instant());
        return c.id();
    }

    private static List<String> texts(Path folder, long conversation) {
        try (Database db = Database.open(folder)) {
            return new JdbcConversationRepository(db.dataSource()).messages(conversation).stream().map(m -> m.text()).toList();
        }
    }

    /** An office's folder with one conversation, settings, a trained model and an index; backed up while open. */
    private Path backupOf(Path office) throws IOException {
        Files.createDirectories(office.resolve("models/trained/intent/v1"));
        Files.write(office.resolve("models/trained/intent/v1/head.bin"), new byte[] {1, 2, 3, 4});
        Files.writeString(office.resolve("settings.properties"), "ui.theme=DARK\n");
        Files.createDirectories(office.resolve("index"));
        Files.writeString(office.resolve("index/segments_1"), "derived");
        Path backup = tmp.resolve("office.zip");
        try (Database db = Database.open(office)) {
            conversationWith(db, "My card was swallowed by the ATM");
            new OfficeBackups(office, H2DatabaseCopies.of(db), "test", CLOCK).backUp(backup, false, Progress.NONE);
        }
        return backup;
    }

    @Test
    void aBackupTakenWhileOpenRestoresIntoAFreshFolder() throws IOException {
        Path backup = backupOf(tmp.resolve("office"));
        List<String> entries;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            entries = zip.stream().map(ZipEntry::getName).toList();
        }
        assertEquals(List.of("tandem.mv.db", "settings.properties", "models/trained/intent/v1/head.bin", "manifest.json"),
                entries, "database, trained models and settings; never the index, logs or lock");

        Path fresh = tmp.resolve("fresh");
        RestoredBackup restored = OfficeBackups.restore(backup, fresh, false, H2DatabaseCopies.withoutLiveDatabase(), CLOCK,
                Progress.NONE);
        assertEquals(Optional.empty(), restored.keptDatabase(), "nothing was there to keep");
        assertEquals(List.of("My card was swallowed by the ATM"), texts(fresh, 1));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Files.readAllBytes(fresh.resolve("models/trained/intent/v1/head.bin")));
        assertEquals("ui.theme=DARK\n", Files.readString(fresh.resolve("settings.properties")));
        assertTrue(restored.manifest().rowCounts().get("MESSAGES") >= 1, restored.manifest().rowCounts().toString());
        assertFalse(restored.manifest().schemaVersion().isEmpty());
    }

    @Test
    void aForcedRestoreKeepsTheDatabaseItReplaces() throws IOException {
        Path backup = backupOf(tmp.resolve("office"));
        Path branch = tmp.resolve("branch");
        try (Database db = Database.open(branch)) {
            conversationWith(db, "Only in the branch's own database");
        }
        Files.createDirectories(branch.resolve("index"));

        RestoredBackup restored = OfficeBackups.restore(backup, branch, true, H2DatabaseCopies.withoutLiveDatabase(), CLOCK,
                Progress.NONE);

        Path kept = restored.keptDatabase().orElseThrow();
        assertEquals("tandem.mv.db.before-restore-20261206-101530", kept.getFileName().toString());
        assertEquals(List.of("My card was swallowed by the ATM"), texts(branch, 1));
        assertFalse(Files.exists(branch.resolve("index")), "the index is rebuilt from the restored database");
        Path reopened = tmp.resolve("kept");
        Files.createDirectories(reopened);
        Files.copy(kept, reopened.resolve("tandem.mv.db"));
        assertEquals(List.of("Only in the branch's own database"), texts(reopened, 1), "the replaced database is whole");
    }

    @Test
    void aRestoreThatFailsAfterMovingFilesPutsTheOldDatabaseBack() throws IOException {
        Path backup = backupOf(tmp.resolve("office"));
        Path branch = tmp.resolve("branch");
        try (Database db = Database.open(branch)) {
            conversationWith(db, "Only in the branch's own database");
        }
        Files.createDirectories(branch.resolve("models/trained"));
        Files.writeString(branch.resolve("models/trained/mine.bin"), "branch model");
        // The real copies, failing the second open: the one on the restored database in place.
        DatabaseCopies real = H2DatabaseCopies.withoutLiveDatabase();
        DatabaseCopies failingInPlace = new DatabaseCopies() {
            private int opens;

            @Override
            public Contents copyLive(Path folder) {
                return real.copyLive(folder);
            }

            @Override
            public Contents openCopy(Path folder) {
                if (++opens == 2) {
                    throw new IllegalStateException("the disk went away");
                }
                return real.openCopy(folder);
            }
        };

        BackupRefusedException refused = assertThrows(BackupRefusedException.class,
                () -> OfficeBackups.restore(backup, branch, true, failingInPlace, CLOCK, Progress.NONE));

        assertEquals(Reason.RESTORE_FAILED, refused.reason());
        assertEquals(List.of("Only in the branch's own database"), texts(branch, 1));
        assertEquals("branch model", Files.readString(branch.resolve("models/trained/mine.bin")));
        try (var left = Files.list(branch)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("restore")), "no leftovers of the restore");
        }
    }

    @Test
    void anExistingDatabaseIsNotReplacedWithoutForce() throws IOException {
        Path backup = backupOf(tmp.resolve("office"));
        Path branch = tmp.resolve("branch");
        try (Database db = Database.open(branch)) {
            conversationWith(db, "Only in the branch's own database");
        }
        BackupRefusedException refused = assertThrows(BackupRefusedException.class,
                () -> OfficeBackups.restore(backup, branch, false, H2DatabaseCopies.withoutLiveDatabase(), CLOCK, Progress.NONE));
        assertEquals(Reason.DATABASE_EXISTS, refused.reason());
        assertEquals(branch + " already holds a database. Add --force to replace it; the current database is then kept beside it, renamed.",
                refused.getMessage());
        assertEquals(List.of("Only in the branch's own database"), texts(branch, 1));
    }

    @Test
    void whatIsNotAWholeBackupIsRefusedBeforeAnythingIsReplaced() throws IOException {
        Path backup = backupOf(tmp.resolve("office"));
        Path branch = tmp.resolve("branch");
        try (Database db = Database.open(branch)) {
            conversationWith(db, "Only in the branch's own database");
        }
        byte[] before = Files.readAllBytes(branch.resolve("tandem.mv.db"));

        Path notAZip = tmp.resolve("photo.zip");
        Files.writeString(notAZip, "this is a holiday photo, not a zip");
        assertRefused(Reason.NOT_A_ZIP, notAZip, branch);

        Path noManifest = tmp.resolve("kb.zip");
        rewrite(backup, noManifest, (name, bytes) -> name.equals("manifest.json") ? null : bytes);
        assertRefused(Reason.NOT_A_BACKUP, noManifest, branch);

        Path newer = tmp.resolve("newer.zip");
        rewrite(backup, newer, (name, bytes) -> name.equals("manifest.json")
                ? new String(bytes, StandardCharsets.UTF_8).replace("\"formatVersion\" : 1", "\"formatVersion\" : 2").getBytes(StandardCharsets.UTF_8)
                : bytes);
        BackupRefusedException newerRefused = assertRefused(Reason.NEWER_FORMAT, newer, branch);
        assertTrue(newerRefused.getMessage().contains("newer Tandem (backup format 2; this Tandem reads format 1 and older)"),
                newerRefused.getMessage());

        Path tampered = tmp.resolve("tampered.zip");
        rewrite(backup, tampered, (name, bytes) -> name.equals("settings.properties")
                ? "ui.theme=LIGHT\n".getBytes(StandardCharsets.UTF_8) : bytes);
        BackupRefusedException mismatch = assertRefused(Reason.DAMAGED, tampered, branch);
        assertEquals(tampered + " is damaged: settings.properties does not match the checksum its manifest gives. Use another backup.",
                mismatch.getMessage());

        Path cut = tmp.resolve("cut.zip");
        byte[] whole = Files.readAllBytes(backup);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertRefused(Reason.NOT_A_ZIP, cut, branch);

        assertRefused(Reason.NO_SUCH_FILE, tmp.resolve("nowhere.zip"), branch);
        assertArrayEquals(before, Files.readAllBytes(branch.resolve("tandem.mv.db")), "the branch's database is untouched");
        try (var left = Files.list(branch)) {
            assertEquals(List.of("tandem.mv.db"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    private static BackupRefusedException assertRefused(Reason reason, Path backup, Path into) {
        BackupRefusedException refused = assertThrows(BackupRefusedException.class,
                () -> OfficeBackups.restore(backup, into, true, H2DatabaseCopies.withoutLiveDatabase(), CLOCK, Progress.NONE));
        assertEquals(reason, refused.reason(), refused.getMessage());
        return refused;
    }

    private interface EntryChange {
        byte[] apply(String name, byte[] bytes);
    }

    /** Copies a zip entry by entry, changing or (null) dropping some: a tampered or foreign backup. */
    private static void rewrite(Path from, Path to, EntryChange change) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream file = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream data = in.getInputStream(entry)) {
                    bytes = change.apply(entry.getName(), data.readAllBytes());
                }
                if (bytes != null) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
    }
}
