package app.tandem.app;

import app.tandem.store.Database;
import app.tandem.store.OfficeServer;
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
 * This PC as a seat of an office (issue 17): the office server's address and the office key, kept in the
 * data folder's {@value #FILE} by {@code tandem join}. Without that file Tandem is solo and keeps its database
 * in the data folder. The index, the window and the person's settings stay on the seat either way.
 *
 * @param host the office server's name or address
 * @param port its port
 * @param key  the office key the server printed at its first start
 */
public record OfficeSeat(String host, int port, String key) {

    static final String FILE = "office.properties";

    public OfficeSeat {
        if (host.isBlank() || host.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == ';')) {
            throw new IllegalArgumentException("\"" + host + "\" is not a server name or address.");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("\"" + port + "\" is not a port number (1 to 65535).");
        }
        if (key.isBlank()) {
            throw new IllegalArgumentException("The office key is empty: type the key the office server printed at its first start.");
        }
    }

    /** {@code HOST} or {@code HOST:PORT}, as a person types it, with the key. */
    public static OfficeSeat of(String server, String key) {
        int colon = server.lastIndexOf(':');
        if (colon < 0) {
            return new OfficeSeat(server.strip(), OfficeServer.DEFAULT_PORT, key.strip());
        }
        try {
            return new OfficeSeat(server.substring(0, colon).strip(), Integer.parseInt(server.substring(colon + 1).strip()),
                    key.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + server.substring(colon + 1) + "\" is not a port number (1 to 65535).");
        }
    }

    /** The seat this data folder belongs to, or empty when it is solo. */
    public static Optional<OfficeSeat> of(Path dataFolder) {
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
        String server = p.getProperty("server", "");
        String key = p.getProperty("key", "");
        try {
            return Optional.of(of(server, key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The office settings in " + file + " are damaged (" + e.getMessage()
                    + "). Run tandem join again, or tandem leave to work solo.", e);
        }
    }

    /** Joins the office database; it is never migrated from a seat. */
    public Database open() {
        return Database.join(OfficeServer.seatUrl(host, port), OfficeServer.SEAT_USER, key);
    }

    /** This seat with another address for the same office (the server PC was renamed or moved). */
    public OfficeSeat at(String server) {
        OfficeSeat moved = of(server, key);
        return new OfficeSeat(moved.host, moved.port, key);
    }

    /**
     * Keeps the seat in the data folder, readable by this person alone where the file system allows it: the key
     * opens the office's data. Written to a temporary file and moved, so a crash leaves the old file or the new.
     */
    public void save(Path dataFolder) {
        Properties p = new Properties();
        p.setProperty("server", host + ":" + port);
        p.setProperty("key", key);
        try {
            Files.createDirectories(dataFolder);
            Path temporary = dataFolder.resolve(FILE + ".new");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, "This PC is a seat of the office server below (tandem join). tandem leave makes it solo again.");
            }
            Files.move(temporary, dataFolder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the office settings in " + dataFolder, e);
        }
    }

    /** Makes the data folder solo again; returns false when it was not a seat. */
    public static boolean leave(Path dataFolder) {
        try {
            return Files.deleteIfExists(dataFolder.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the office settings in " + dataFolder, e);
        }
    }

    /** Where the seat's data is, for doctor and messages; the key stays out. */
    public String describe() {
        return "office server " + host + ":" + port;
    }

    @Override
    public String toString() {
        return describe();
    }
}
