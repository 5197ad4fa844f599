package app.tandem.work;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a data folder could not be opened, as data: the start window says it in the person's language
 * ({@code startup.failure.<REASON>}). The composition root tells the reasons apart (it alone knows the
 * lock, the database and the index); what it cannot place is {@link Reason#UNKNOWN}, named by the
 * step that was running. Here beside {@link StartStep}, so the window needs nothing from the root.
 *
 * @param reason what failed
 * @param step   the start-up step that was running
 * @param where  the file or folder concerned: the data folder, the database file, the index folder
 * @param detail the underlying message, as it came (a database's, a file system's)
 * @param log    the log file with the details, when there is one
 */
public record StartFailure(Reason reason, StartStep step, Path where, String detail, Optional<Path> log) {

    /** What failed; each has a sentence saying what to do. */
    public enum Reason {
        /** Another Tandem holds the data folder. */
        FOLDER_IN_USE,
        /** The data folder (or a file in it) may not be written. */
        NO_ACCESS,
        /** The disk holding the data folder is full. */
        DISK_FULL,
        /** The database file could not be opened (damaged, held by another program, …). */
        DATABASE_NOT_OPENED,
        /** This PC is a seat of an office, and the office server could not be reached or refused it. */
        OFFICE_NOT_REACHED,
        /** This seat's Tandem and the office database are of different versions: one of them needs upgrading. */
        OFFICE_SCHEMA_DIFFERS,
        /** The database opened but could not be brought up to this version's schema. */
        MIGRATION_FAILED,
        /** The search index could neither be opened nor rebuilt. */
        INDEX_FAILED,
        /** Anything else: said with the step that was running. */
        UNKNOWN
    }
}
