package app.tandem.backup;

import app.tandem.work.RefusedException;
import java.text.MessageFormat;
import java.util.List;

/** A backup that could not be taken, checked or restored, and why: one sentence a supervisor can act on. */
public final class BackupRefusedException extends RefusedException {

    /** Why; the desk words each as {@code failure.backup.<NAME>}, the command line prints its English. */
    public enum Reason implements WordedReason {
        NO_SUCH_FILE("{0} does not exist."),
        NOT_A_ZIP("{0} is not a zip file, so it is not a Tandem backup."),
        NOT_A_BACKUP("{0} is not a Tandem backup: it has no Tandem manifest."),
        NEWER_FORMAT("{0} was made by a newer Tandem (backup format {1}; this Tandem reads format {2} and older). "
                + "Restore it with that version of Tandem or a newer one."),
        DAMAGED("{0} is damaged: {1} does not match the checksum its manifest gives. Use another backup."),
        ROWS_DIFFER("{0} is damaged: its table {1} holds {2} rows where its manifest says {3}. Use another backup."),
        DATABASE_DOES_NOT_OPEN("The database in {0} does not open ({1}). Use another backup."),
        DISK_FULL("The disk that holds {0} is full. Free some space on it, then try again."),
        NOT_WRITTEN("The backup could not be written to {0} ({1})."),
        TARGET_EXISTS("{0} exists already. Choose another file name."),
        FOLDER_MISSING("The backup folder {0} is not there (is the drive plugged in, the share reachable?)."),
        NO_DATABASE("{0} holds no Tandem database to back up."),
        FOLDER_IN_USE("Tandem is open on this folder on this PC ({0}); close it first."),
        BACK_UP_FROM_THE_DESK("Tandem is open on this folder on this PC ({0}): take the backup from its Tools menu "
                + "(Back up now\u2026), or let the scheduled backups take it (on an office server: tandem server "
                + "--backup-folder FOLDER)."),
        ON_THE_OFFICE_SERVER("This PC is a seat of an office: the office's data is backed up where it is served "
                + "(tandem server --backup-folder FOLDER on that PC)."),
        DATABASE_EXISTS("{0} already holds a database. Add --force to replace it; the current database is then kept "
                + "beside it, renamed."),
        RESTORE_FAILED("The restore stopped ({1}); the database that was in {0} is back in place.");

        private final String english;

        Reason(String english) {
            this.english = english;
        }

        @Override
        public String english(List<String> args) {
            return MessageFormat.format(english.replace("'", "''"), args.toArray());
        }
    }

    public BackupRefusedException(Reason reason, String... args) {
        super(reason, args);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
