package app.tandem.app;

import app.tandem.store.Database;
import app.tandem.store.OfficeServer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A seat of an office whose database {@code tandem server} serves (H2 over the LAN): the server's address and
 * the office key the server printed at its first start ({@link Seat}).
 *
 * @param host the office server's name or address
 * @param port its port
 * @param key  the office key the server printed at its first start
 */
public record OfficeSeat(String host, int port, String key) implements Seat {

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

    @Override
    public Database open() {
        return Database.join(OfficeServer.seatUrl(host, port), OfficeServer.SEAT_USER, key);
    }

    /** The variable a seat started with {@code --server} reads the office key from, when the data folder has none for that server. */
    public static final String KEY_VARIABLE = "TANDEM_OFFICE_KEY";

    /**
     * The seat {@code tandem --server HOST[:PORT]} starts as: the key kept in the data folder when it was joined to
     * the same server, else {@value #KEY_VARIABLE}. Never a key from the command line, where other users see it.
     */
    public static OfficeSeat forThisRun(String server, Path dataFolder, Map<String, String> environment) {
        OfficeSeat address = of(server, "-");
        Optional<String> saved = Seat.of(dataFolder).filter(OfficeSeat.class::isInstance).map(OfficeSeat.class::cast)
                .filter(s -> s.host.equalsIgnoreCase(address.host) && s.port == address.port).map(OfficeSeat::key);
        String key = saved.orElseGet(() -> environment.getOrDefault(KEY_VARIABLE, ""));
        if (key.isBlank()) {
            throw new IllegalArgumentException("No office key for " + address.host + ":" + address.port + ": run tandem join "
                    + address.host + ":" + address.port + " once (it asks for the key and keeps it), or set " + KEY_VARIABLE + ".");
        }
        return of(server, key);
    }

    /** This seat with another address for the same office (the server PC was renamed or moved). */
    public OfficeSeat at(String server) {
        OfficeSeat moved = of(server, key);
        return new OfficeSeat(moved.host, moved.port, key);
    }

    @Override
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("server", host + ":" + port);
        p.setProperty("key", key);
        return p;
    }

    @Override
    public String describe() {
        return "office server " + host + ":" + port;
    }

    @Override
    public String toString() {
        return describe();
    }
}
