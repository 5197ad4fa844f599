package app.tandem.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which files of a data folder a backup holds, by their path in the folder (the entry names are those paths, with
 * '/'): the database, the settings, and the models fine-tuned on this PC, which nothing can derive again. Not the
 * index (rebuilt from the database), logs or the lock.
 */
final class BackupLayout {

    static final String DATABASE = DatabaseCopies.FILE_NAME;
    static final String SETTINGS = "settings.properties";
    static final String TRAINED_MODELS = "models/trained";

    private BackupLayout() {}

    /** The settings and trained models of {@code dataFolder} as entry names, in a stable order. */
    static List<String> filesBesideTheDatabase(Path dataFolder) throws IOException {
        List<String> names = new ArrayList<>();
        if (Files.isRegularFile(dataFolder.resolve(SETTINGS))) {
            names.add(SETTINGS);
        }
        Path models = dataFolder.resolve(TRAINED_MODELS);
        if (Files.isDirectory(models)) {
            try (Stream<Path> files = Files.walk(models)) {
                files.filter(Files::isRegularFile).sorted()
                        .forEach(f -> names.add(dataFolder.relativize(f).toString().replace('\\', '/')));
            }
        }
        return names;
    }

    /**
     * True for the names a Tandem backup may hold. Anything else (a path leaving the folder, an absolute one, a
     * file Tandem never backs up) means the zip was not written by Tandem, and nothing of it is extracted.
     */
    static boolean isBackedUp(String name) {
        if (name.equals(DATABASE) || name.equals(SETTINGS)) {
            return true;
        }
        if (!name.startsWith(TRAINED_MODELS + "/") || name.contains("\\") || name.contains(":")) {
            return false;
        }
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** A full disk, as the file systems Tandem runs on say it. */
    static boolean diskFull(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No space left on device") || message.contains("not enough space on the disk")
                || message.contains("Disk quota exceeded");
    }
}
