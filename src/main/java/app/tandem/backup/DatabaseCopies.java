package app.tandem.backup;

import java.nio.file.Path;
import java.util.SortedMap;

/**
 * What a backup needs of the database, in its own terms: a copy of the live database taken while the desk keeps
 * writing, and a copy opened as Tandem opens its own. Implemented by {@code store}, which holds the only SQL.
 */
public interface DatabaseCopies {

    /** The database file's name in a data folder, in a backup's work folder, and where a restore puts it. */
    String FILE_NAME = "tandem.mv.db";

    /**
     * What a copy of the database holds, read from the copy itself.
     *
     * @param schemaVersion the last migration applied to it (Flyway's version), empty when it has none
     * @param rowCounts     rows per table, by table name
     */
    record Contents(String schemaVersion, SortedMap<String, Long> rowCounts) {
        public long rows() {
            return rowCounts.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Copies the live database into {@code folder} as {@link #FILE_NAME}: one consistent moment of it, every write
     * committed before the copy began included, while the desk goes on writing. Says what the copy holds.
     */
    Contents copyLive(Path folder);

    /**
     * Reads what the database in {@code folder} holds, then opens it as Tandem opens its own (the migrations
     * validated and any missing ones run) and closes it. Throws with a sentence a person understands when it
     * does not open.
     */
    Contents openCopy(Path folder);
}
