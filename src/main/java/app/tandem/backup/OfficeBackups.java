package app.tandem.backup;

import app.tandem.work.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Backups of one data folder, taken while the desk works on it: written, then checked as a restore would check them
 * ({@link BackupCheck}), so a backup Tandem reports as done is one that restores. Also the schedule's settings, for the
 * settings dialog. One backup at a time: a second caller waits for the first.
 */
public final class OfficeBackups {

    /** A backup written and checked: where, how large, what it holds. */
    public record Taken(Path file, long bytes, BackupManifest manifest) {}

    private final Path dataFolder;
    private final DatabaseCopies copies;
    private final String tandemVersion;
    private final Clock clock;

    public OfficeBackups(Path dataFolder, DatabaseCopies copies, String tandemVersion, Clock clock) {
        this.dataFolder = dataFolder;
        this.copies = copies;
        this.tandemVersion = tandemVersion;
        this.clock = clock;
    }

    /**
     * Writes a backup to {@code target} (replacing a file there only when {@code replace}) and checks it; a backup
     * that fails its check is deleted and refused. Cancelling through {@code progress} leaves no file behind.
     */
    public synchronized Taken backUp(Path target, boolean replace, Progress progress) {
        BackupWriter.Written written = new BackupWriter(dataFolder, copies, tandemVersion, clock).write(target, replace, progress);
        try {
            check(written.file(), progress);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(written.file());
            } catch (java.io.IOException ignored) {
                // Refused below either way; a leftover file failing its check is harmless.
            }
            throw e;
        }
        return new Taken(written.file(), written.bytes(), written.manifest());
    }

    /** Checks a backup without using it (extracted into a temporary folder, deleted after). */
    public CheckedBackup check(Path backup, Progress progress) {
        return checkBackup(backup, copies, progress);
    }

    static CheckedBackup checkBackup(Path backup, DatabaseCopies copies, Progress progress) {
        Path work;
        try {
            work = Files.createTempDirectory("tandem-backup-check");
        } catch (java.io.IOException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.NOT_WRITTEN,
                    System.getProperty("java.io.tmpdir"), String.valueOf(e.getMessage()));
        }
        try {
            return new BackupCheck(copies).check(backup, work, progress);
        } finally {
            WorkFolders.delete(work);
        }
    }

    /**
     * Restores {@code backup} into a data folder no Tandem has open (the caller holds its lock): refused over an
     * existing database unless {@code force}; see {@link FolderRestore}.
     */
    public static RestoredBackup restore(Path backup, Path dataFolder, boolean force, DatabaseCopies copies,
                                                 Clock clock, Progress progress) {
        return new FolderRestore(copies, clock).restore(backup, dataFolder, force, progress);
    }

    public BackupSchedule schedule() {
        return BackupSchedule.load(settingsFile());
    }

    public void changeSchedule(BackupSchedule schedule) {
        schedule.save(settingsFile());
    }

    /** Where a person is most likely to want the next backup: the schedule's folder, if there is one. */
    public Optional<Path> usualFolder() {
        return schedule().folder().filter(Files::isDirectory);
    }

    private Path settingsFile() {
        return dataFolder.resolve(BackupLayout.SETTINGS);
    }
}
