package app.tandem.work;

import java.nio.file.Path;

/**
 * Another Tandem already uses the data folder. Here, not beside the lock in {@code app}, so the
 * window that reports a failed start can say it in the person's language without depending on
 * the composition root.
 */
public class DataFolderInUseException extends RuntimeException {

    private final Path folder;

    public DataFolderInUseException(Path folder) {
        super("Tandem is already open on " + folder + ". Switch to that window, or close it first.");
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
