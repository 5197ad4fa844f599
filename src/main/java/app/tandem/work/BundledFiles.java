package app.tandem.work;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a folder that ships inside the application, whether Tandem runs from {@code target/classes}
 * (mvn javafx:run, tests) or from {@code tandem.jar}.
 */
public final class BundledFiles {

    /** Work on a bundled folder while it is open. */
    @FunctionalInterface
    public interface FolderWork<T> {
        T read(Path folder) throws IOException;
    }

    private BundledFiles() {}

    /** Runs the work on the bundled folder {@code name} (e.g. "kb"); empty when the build has none. */
    public static <T> Optional<T> read(String name, FolderWork<T> work) {
        URL url = BundledFiles.class.getResource("/" + name);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return Optional.ofNullable(work.read(Path.of(uri)));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return Optional.ofNullable(work.read(jar.getPath("/" + name)));
            } catch (FileSystemAlreadyExistsException e) {
                return Optional.ofNullable(work.read(FileSystems.getFileSystem(uri).getPath("/" + name)));
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad resource location " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled folder " + name, e);
        }
    }
}
