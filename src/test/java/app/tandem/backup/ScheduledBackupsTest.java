package app.tandem.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.store.Database;
import app.tandem.store.H2DatabaseCopies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule over a real database: due or not, the newest N kept, an unplugged folder told once. */
@Slow
class ScheduledBackupsTest {

    @TempDir
    Path tmp;

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-06T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void backsUpWhenDueAndKeepsTheNewest() throws IOException {
        Path office = tmp.resolve("office");
        Path usb = Files.createDirectories(tmp.resolve("usb"));
        Files.writeString(usb.resolve("holiday.jpg"), "not ours");
        Hands clock = new Hands();
        try (Database db = Database.open(office)) {
            OfficeBackups backups = new OfficeBackups(office, H2DatabaseCopies.of(db), "test", clock);
            backups.changeSchedule(new BackupSchedule(Optional.of(usb), 4, 2));
            ScheduledBackups scheduled = new ScheduledBackups(backups, clock);

            assertTrue(scheduled.runIfDue().isPresent(), "the first is due at once");
            clock.now = clock.now.plus(Duration.ofHours(3));
            assertEquals(Optional.empty(), scheduled.runIfDue(), "3 hours after the last of every 4: not due");
            clock.now = clock.now.plus(Duration.ofHours(1));
            assertTrue(scheduled.runIfDue().isPresent());
            clock.now = clock.now.plus(Duration.ofHours(5));
            assertTrue(scheduled.runIfDue().isPresent());
        }
        assertEquals(List.of("holiday.jpg", "tandem-backup-20261206-120000Z.zip", "tandem-backup-20261206-170000Z.zip"),
                names(usb), "the oldest deleted once the third was written; other files left alone");
        assertEquals(new BackupSchedule(Optional.of(usb), 4, 2), BackupSchedule.load(office.resolve("settings.properties")));
    }

    @Test
    void anUnpluggedFolderIsToldOnceAndNeverCreated() {
        Path office = tmp.resolve("office");
        Path usb = tmp.resolve("usb");
        Hands clock = new Hands();
        List<BackupRefusedException> told = new ArrayList<>();
        try (Database db = Database.open(office)) {
            OfficeBackups backups = new OfficeBackups(office, H2DatabaseCopies.of(db), "test", clock);
            backups.changeSchedule(new BackupSchedule(Optional.of(usb), 1, 3));
            ScheduledBackups scheduled = new ScheduledBackups(backups, clock);
            scheduled.addFailureListener(told::add);

            assertEquals(Optional.empty(), scheduled.runIfDue());
            clock.now = clock.now.plus(Duration.ofHours(2));
            assertEquals(Optional.empty(), scheduled.runIfDue());
            assertEquals(1, told.size(), "told once, not at every try");
            assertEquals(BackupRefusedException.Reason.FOLDER_MISSING, told.get(0).reason());
            assertTrue(!Files.exists(usb), "a missing folder is not created (it may be an unplugged drive's mount point)");

            usb.toFile().mkdirs();
            assertTrue(scheduled.runIfDue().isPresent(), "plugged in again: backed up");
            usb.toFile().renameTo(tmp.resolve("elsewhere").toFile());
            clock.now = clock.now.plus(Duration.ofHours(2));
            scheduled.runIfDue();
            assertEquals(2, told.size(), "a new run of failures is told again");
        }
    }
}
