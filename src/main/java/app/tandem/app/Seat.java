package app.tandem.app;

import app.tandem.store.Database;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * This PC as a seat of an office (issue 17): where the office database is, kept in the data folder's
 * {@value #FILE} by {@code tandem join} (or given for one run with {@code --server} / {@code --database}).
 * Without it Tandem is solo and keeps its database in the data folder. The index, the window and the person's
 * settings stay on the seat either way.
 */
public sealed interface Seat permits OfficeSeat, PostgreSqlSeat {

    String FILE = "office.properties";

    /** Joins the office database; a seat never migrates it. */
    Database open();

    /** Where the seat's data is, for doctor and messages; keys and passwords stay out. */
    String describe();

    /** What {@link #save} keeps in {@value #FILE}. */
    Properties properties();

    /** The seat this data folder belongs to, or empty when it is solo. */
    static Optional<Seat> of(Path dataFolder) {
        Path file = dataFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the office settings in " + file, e);
        }
        try {
            if (p.containsKey("database")) {
                return Optional.of(new PostgreSqlSeat(p.getProperty("database"),
                        Optional.ofNullable(p.getProperty("credentials")).filter(s -> !s.isBlank()).map(Path::of)));
            }
            return Optional.of(OfficeSeat.of(p.getProperty("server", ""), p.getProperty("key", "")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The office settings in " + file + " are damaged (" + e.getMessage()
                    + "). Run tandem join again, or tandem leave to work solo.", e);
        }
    }

    /**
     * Keeps the seat in the data folder, readable by this person alone where the file system allows it: an office
     * key opens the office's data. Written to a temporary file and moved, so a crash leaves the old file or the new.
     */
    default void save(Path dataFolder) {
        try {
            Files.createDirectories(dataFolder);
            Path temporary = dataFolder.resolve(FILE + ".new");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties().store(out, "This PC is a seat of the office database below (tandem join). tandem leave makes it solo again.");
            }
            Files.move(temporary, dataFolder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the office settings in " + dataFolder, e);
        }
    }

    /** Makes the data folder solo again; returns false when it was not a seat. */
    static boolean leave(Path dataFolder) {
        try {
            return Files.deleteIfExists(dataFolder.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the office settings in " + dataFolder, e);
        }
    }
}
