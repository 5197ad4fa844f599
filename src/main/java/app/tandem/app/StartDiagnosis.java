package app.tandem.app;

import app.tandem.store.StoreException;
import app.tandem.work.DataFailure;
import app.tandem.work.DataFolderInUseException;
import app.tandem.work.StartFailure;
import app.tandem.work.StartFailure.Reason;
import app.tandem.work.StartStep;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;

/**
 * Turns what {@link Tandem#start} threw into a {@link StartFailure}: which part failed, where, and so what
 * the person can do. A full disk and a folder that may not be written are told first, whatever part noticed
 * them, because their fix is the same everywhere. Operating-system errors have no Java type of their own
 * (ENOSPC, EROFS), so those two are recognised by the system's message.
 */
final class StartDiagnosis {

    private static final List<String> DISK_FULL = List.of("No space left on device", "There is not enough space on the disk",
            "Disk quota exceeded");
    private static final List<String> NO_ACCESS = List.of("Permission denied", "Read-only file system", "Access is denied");
    private static final int MAX_CAUSES = 20;

    private StartDiagnosis() {}

    static StartFailure diagnose(Throwable error, StartStep step, Path dataFolder, Optional<Path> log) {
        Path database = dataFolder.resolve("tandem.mv.db");
        if (error instanceof DataFolderInUseException inUse) {
            return new StartFailure(Reason.FOLDER_IN_USE, step, inUse.folder(), message(error), log);
        }
        if (anyMessageContains(error, DISK_FULL)) {
            return new StartFailure(Reason.DISK_FULL, step, dataFolder, message(error), log);
        }
        Optional<Path> denied = deniedFile(error);
        if (denied.isPresent() || anyMessageContains(error, NO_ACCESS)) {
            return new StartFailure(Reason.NO_ACCESS, step, denied.orElse(dataFolder), message(error), log);
        }
        if (error instanceof IndexUnavailableException index) {
            return new StartFailure(Reason.INDEX_FAILED, step, index.folder(), message(error), log);
        }
        if (step == StartStep.REBUILDING_INDEX) {
            return new StartFailure(Reason.INDEX_FAILED, step, Tandem.indexFolder(dataFolder), message(error), log);
        }
        if (error instanceof StoreException && error.getCause() instanceof FlywayException) {
            return new StartFailure(Reason.MIGRATION_FAILED, step, database, message(error), log);
        }
        Path seat = dataFolder.resolve(Seat.FILE);
        if (error instanceof StoreException store && store.kind() == DataFailure.Kind.SCHEMA_DIFFERS) {
            return new StartFailure(Reason.OFFICE_SCHEMA_DIFFERS, step, seat, message(error), log);
        }
        // A seat for this run only (--server, --database) has no settings file, but its failure is the server's all the same.
        if (error instanceof StoreException store && step == StartStep.OPENING_DATABASE
                && (Files.exists(seat) || store.kind() == DataFailure.Kind.OFFICE_NOT_ANSWERING)) {
            // A seat has no database of its own to name: what failed is the way to the office server.
            return new StartFailure(Reason.OFFICE_NOT_REACHED, step, seat, message(error), log);
        }
        if (error instanceof StoreException && step == StartStep.OPENING_DATABASE) {
            return new StartFailure(Reason.DATABASE_NOT_OPENED, step, database, message(error), log);
        }
        return new StartFailure(Reason.UNKNOWN, step, dataFolder, message(error), log);
    }

    private static boolean anyMessageContains(Throwable error, List<String> texts) {
        int depth = 0;
        for (Throwable t = error; t != null && depth++ < MAX_CAUSES; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && texts.stream().anyMatch(m::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The file the system refused, when an exception on the way names it. */
    private static Optional<Path> deniedFile(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth++ < MAX_CAUSES; t = t.getCause()) {
            if (t instanceof FileSystemException fs && fs.getFile() != null && (fs instanceof AccessDeniedException
                    || fs.getReason() != null && NO_ACCESS.stream().anyMatch(fs.getReason()::contains))) {
                return Optional.of(Path.of(fs.getFile()));
            }
        }
        return Optional.empty();
    }

    private static String message(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
    }
}
