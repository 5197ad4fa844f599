package app.tandem.app;

import app.tandem.backup.BackupRefusedException;
import app.tandem.backup.BackupRefusedException.Reason;
import app.tandem.backup.CheckedBackup;
import app.tandem.backup.DatabaseCopies;
import app.tandem.backup.OfficeBackups;
import app.tandem.backup.RestoredBackup;
import app.tandem.store.Database;
import app.tandem.store.H2DatabaseCopies;
import app.tandem.store.OfficeServer;
import app.tandem.work.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Backups from the command line, where no desk holds the data folder: {@code tandem backup}, {@code restore} and
 * their {@code --check}. A running desk backs up from inside ({@link Tandem#backups}); an H2 database is open in
 * one process only, and serving it to a second one (H2's AUTO_SERVER) would open a network port on every
 * cashier's PC for the sake of a command, so the command line refuses a folder in use and names the desk's menu.
 */
public final class Backups {

    private Backups() {}

    /** Backs up a data folder no Tandem has open; writes, then checks, {@code target}. */
    public static OfficeBackups.Taken backUpClosedFolder(Path dataFolder, Path target, Progress progress) {
        if (!Files.isRegularFile(dataFolder.resolve(DatabaseCopies.FILE_NAME))) {
            throw new BackupRefusedException(Reason.NO_DATABASE, dataFolder.toString());
        }
        try (InstanceLock lock = lock(dataFolder, Reason.BACK_UP_FROM_THE_DESK); Database database = Database.open(dataFolder)) {
            return new OfficeBackups(dataFolder, H2DatabaseCopies.of(database), version(), Clock.systemUTC())
                    .backUp(target, false, progress);
        }
    }

    /** Backups of the database an office server serves, taken while the seats work (the server's schedule). */
    public static OfficeBackups ofOfficeServer(OfficeServer server, Path dataFolder) {
        return new OfficeBackups(dataFolder, H2DatabaseCopies.of(server.database()), version(), Clock.systemUTC());
    }

    /** Checks a backup without touching any data folder. */
    public static CheckedBackup check(Path backup, Progress progress) {
        return new OfficeBackups(Path.of("."), H2DatabaseCopies.withoutLiveDatabase(), version(), Clock.systemUTC())
                .check(backup, progress);
    }

    /** Restores {@code backup} into a data folder no Tandem has open; see {@link OfficeBackups#restore}. */
    public static RestoredBackup restore(Path backup, Path dataFolder, boolean force, Progress progress) {
        try (InstanceLock lock = lock(dataFolder, Reason.FOLDER_IN_USE)) {
            return OfficeBackups.restore(backup, dataFolder, force, H2DatabaseCopies.withoutLiveDatabase(),
                    Clock.systemUTC(), progress);
        }
    }

    /** The version a backup's manifest names. */
    static String version() {
        String v = Backups.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    private static InstanceLock lock(Path dataFolder, Reason whenInUse) {
        try {
            return InstanceLock.acquire(dataFolder);
        } catch (InstanceLock.AlreadyOpenException e) {
            throw new BackupRefusedException(whenInUse, dataFolder.toString());
        }
    }
}
