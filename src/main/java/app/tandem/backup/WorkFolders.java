package app.tandem.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deleting the work folders backups leave behind. */
final class WorkFolders {

    private static final Logger log = LoggerFactory.getLogger(WorkFolders.class);

    private WorkFolders() {}

    /** Deletes {@code folder} and all it holds; what cannot be deleted is logged and left (a temporary folder). */
    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    log.warn("Could not delete {}: {}", p, e.toString());
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", folder, e.toString());
        }
    }
}
