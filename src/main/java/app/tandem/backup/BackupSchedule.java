package app.tandem.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the desk backs up by itself: into which folder (a USB drive, a share; none: no scheduled backups), every how
 * many hours, keeping how many. Kept in the data folder's {@code settings.properties} beside the UI's choices, under
 * {@code backup.*}, so a restored backup brings its schedule with it.
 */
public record BackupSchedule(Optional<Path> folder, int everyHours, int keep) {

    private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

    public static final BackupSchedule OFF = new BackupSchedule(Optional.empty(), 24, 7);
    public static final int MAX_HOURS = 24 * 7;
    public static final int MAX_KEEP = 365;

    public BackupSchedule {
        everyHours = Math.max(1, Math.min(MAX_HOURS, everyHours));
        keep = Math.max(1, Math.min(MAX_KEEP, keep));
    }

    public boolean on() {
        return folder.isPresent();
    }

    /** Reads {@code backup.*} from the settings file; anything missing or unreadable leaves scheduled backups off. */
    public static BackupSchedule load(Path settingsFile) {
        if (!Files.isRegularFile(settingsFile)) {
            return OFF;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Cannot read the backup schedule from {}: {}", settingsFile, e.getMessage());
            return OFF;
        }
        String folder = p.getProperty("backup.folder", "").strip();
        return new BackupSchedule(folder.isEmpty() ? Optional.empty() : Optional.of(Path.of(folder)),
                number(p.getProperty("backup.everyHours"), OFF.everyHours), number(p.getProperty("backup.keep"), OFF.keep));
    }

    /** Writes the {@code backup.*} keys, keeping whatever else the file holds. */
    public void save(Path settingsFile) {
        Properties p = new Properties();
        try {
            if (Files.isRegularFile(settingsFile)) {
                try (Reader in = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
                    p.load(in);
                }
            }
            p.setProperty("backup.folder", folder.map(Path::toString).orElse(""));
            p.setProperty("backup.everyHours", Integer.toString(everyHours));
            p.setProperty("backup.keep", Integer.toString(keep));
            Files.createDirectories(settingsFile.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(settingsFile, StandardCharsets.UTF_8)) {
                p.store(out, "Tandem settings");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save settings to " + settingsFile, e);
        }
    }

    private static int number(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
