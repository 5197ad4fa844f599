package app.tandem.app;

import java.nio.file.Path;

/**
 * The knowledge-base index could not be opened, not even after wiping it for a rebuild: a failed start
 * can then name the index folder rather than the database, which opened fine just before.
 */
public final class IndexUnavailableException extends IllegalStateException {

    private final Path folder;

    IndexUnavailableException(Path folder, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }
}
