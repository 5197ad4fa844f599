package app.tandem.app;

import app.tandem.store.Database;
import app.tandem.store.OfficeServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Tandem's own office server ({@code tandem server}) in a fresh temporary folder for each run, on a free port,
 * reached by the seats on loopback; the folder goes when the run ends.
 */
public final class H2OfficeEngine implements OfficeEngine {

    @Override
    public String name() {
        return "H2 server";
    }

    @Override
    public Served serve() {
        Path folder;
        try {
            folder = Files.createTempDirectory("tandem-office-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OfficeServer server;
        try {
            server = OfficeServer.start(folder, 0, false);
        } catch (RuntimeException e) {
            delete(folder);
            throw e;
        }
        String url = OfficeServer.seatUrl("127.0.0.1", server.port());
        String key = server.newKey().orElseThrow();
        return new Served() {
            @Override
            public Database join() {
                return Database.join(url, OfficeServer.SEAT_USER, key);
            }

            @Override
            public void close() {
                server.close();
                delete(folder);
            }
        };
    }

    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch folder left in the temp directory is harmless.
        }
    }
}
