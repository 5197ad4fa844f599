package app.tandem.backup;

import app.tandem.backup.BackupRefusedException.Reason;
import app.tandem.work.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a backup in place of a data folder's database, settings and trained models. The caller holds the folder's
 * lock. The backup is checked in full first, extracted into a work folder inside the data folder (so putting it in
 * place is renames on one disk, not copies that can fill it half way); what was there is renamed aside with a
 * {@code .before-restore-<time>} suffix and kept; the index is deleted (rebuilt from the database at the next start);
 * the database is opened once so migrations run. A failure after the first rename puts everything back.
 */
final class FolderRestore {

    private static final Logger log = LoggerFactory.getLogger(FolderRestore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DatabaseCopies copies;
    private final Clock clock;

    FolderRestore(DatabaseCopies copies, Clock clock) {
        this.copies = copies;
        this.clock = clock;
    }

    RestoredBackup restore(Path backup, Path dataFolder, boolean force, Progress progress) {
        Path database = dataFolder.resolve(BackupLayout.DATABASE);
        if (Files.exists(database) && !force) {
            throw new BackupRefusedException(Reason.DATABASE_EXISTS, dataFolder.toString());
        }
        String suffix = ".before-restore-" + STAMP.format(clock.instant());
        Path work = dataFolder.resolve(".restore" + suffix);
        try {
            CheckedBackup checked = new BackupCheck(copies).check(backup, work, progress);
            progress.checkCancelled();
            Renames renames = new Renames();
            try {
                for (String name : List.of(BackupLayout.DATABASE, BackupLayout.TRAINED_MODELS, BackupLayout.SETTINGS)) {
                    Path current = dataFolder.resolve(name);
                    boolean restored = Files.exists(work.resolve(name));
                    // Settings the backup does not hold stay as they are; the database and the models always go
                    // aside, so what the restored database names on disk is only what came with it.
                    if (Files.exists(current) && (restored || !name.equals(BackupLayout.SETTINGS))) {
                        renames.move(current, current.resolveSibling(current.getFileName() + suffix));
                    }
                    if (restored) {
                        renames.move(work.resolve(name), current);
                    }
                }
                progress.update(0, 1, "Opening the restored database");
                copies.openCopy(dataFolder);
            } catch (RuntimeException | IOException e) {
                renames.undo();
                String why = e instanceof BackupRefusedException r ? r.getMessage() : String.valueOf(e.getMessage());
                log.warn("Restore of {} into {} undone", backup, dataFolder, e);
                throw new BackupRefusedException(Reason.RESTORE_FAILED, dataFolder.toString(), why);
            }
            // The index is derived: rebuilt from the restored database at the next start.
            WorkFolders.delete(dataFolder.resolve("index"));
            return new RestoredBackup(checked.manifest(), renames.kept(database), renames.keptFiles());
        } finally {
            WorkFolders.delete(work);
        }
    }

    /** The renames done so far, undone in reverse when the restore fails. */
    private static final class Renames {

        private record Rename(Path from, Path to) {}

        private final Deque<Rename> done = new ArrayDeque<>();

        void move(Path from, Path to) throws IOException {
            Files.createDirectories(to.getParent());
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            done.push(new Rename(from, to));
        }

        void undo() {
            while (!done.isEmpty()) {
                Rename r = done.pop();
                try {
                    Files.move(r.to(), r.from(), StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    log.error("Could not move {} back to {} after a failed restore: {}", r.to(), r.from(), e.toString());
                }
            }
        }

        Optional<Path> kept(Path original) {
            return done.stream().filter(r -> r.from().equals(original)).map(Rename::to).findFirst();
        }

        List<Path> keptFiles() {
            return done.stream().filter(r -> r.to().getFileName().toString().contains(".before-restore-"))
                    .map(Rename::to).toList();
        }
    }
}
