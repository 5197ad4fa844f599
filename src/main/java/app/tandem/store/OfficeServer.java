package app.tandem.store;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.h2.tools.Server;

/**
 * The office database served over the branch LAN (issue 17, office mode). This process opens the data
 * folder's H2 file exactly as a solo desk does (forced writes, migrations, the shutdown hook) and lets the
 * seats reach that same open database through H2's TCP server, under the name {@value #DATABASE}.
 *
 * <p>Seats sign in to the database as {@value #SEAT_USER} with the office key. They read and write rows but
 * cannot change the schema: migrations run here, once. The key is made on the first start and shown once;
 * H2 keeps only its hash, so a lost key is replaced ({@code newKey}), not recovered.
 */
public final class OfficeServer implements AutoCloseable {

    /** H2's own default port, so a firewall rule written for H2 fits. */
    public static final int DEFAULT_PORT = 9092;
    /** The name seats ask for; the server maps it to the data folder's file, which seats never see. */
    public static final String DATABASE = "office";
    public static final String SEAT_USER = "SEAT";
    /** Letters that cannot be mistaken for one another when read aloud or typed from paper (Crockford's base 32). */
    private static final String KEY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int KEY_GROUPS = 5;
    private static final int KEY_GROUP_LENGTH = 4;

    private final Database database;
    private final Server tcp;
    private final Optional<String> newKey;

    private OfficeServer(Database database, Server tcp, Optional<String> newKey) {
        this.database = database;
        this.tcp = tcp;
        this.newKey = newKey;
    }

    /**
     * Opens the database in {@code folder} and serves it on {@code port} (0: any free port) to the whole LAN.
     *
     * @param replaceKey true: a new office key replaces the old one, which stops working at once
     */
    public static OfficeServer start(Path folder, int port, boolean replaceKey) {
        Database database = Database.open(folder);
        try {
            Optional<String> key = seatKey(database, replaceKey);
            String served = Database.url(folder).substring("jdbc:h2:".length());
            Server tcp = Server.createTcpServer("-tcpPort", Integer.toString(port), "-tcpAllowOthers",
                    "-key", DATABASE, served).start();
            return new OfficeServer(database, tcp, key);
        } catch (SQLException e) {
            database.close();
            throw StoreException.from("serve the office database (is port " + port + " free?)", e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The address a seat on another PC uses to reach this server as {@code host}. */
    public static String seatUrl(String host, int port) {
        return "jdbc:h2:tcp://" + host + ":" + port + "/" + DATABASE;
    }

    public int port() {
        return tcp.getPort();
    }

    /** The office key when this start made one (first start, or a replaced key): to be shown once. */
    public Optional<String> newKey() {
        return newKey;
    }

    /** The server's own view of the office database, for the work the server itself does. */
    public Database database() {
        return database;
    }

    @Override
    public void close() {
        tcp.stop();
        database.close();
    }

    private static Optional<String> seatKey(Database database, boolean replace) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = '" + SEAT_USER + "'")) {
                rs.next();
                exists = rs.getInt(1) > 0;
            }
            if (exists && !replace) {
                return Optional.empty();
            }
            // The key is made of KEY_ALPHABET alone, so writing it into the statement cannot break out of the string.
            String key = randomKey();
            s.execute(exists ? "ALTER USER " + SEAT_USER + " SET PASSWORD '" + key + "'"
                    : "CREATE USER " + SEAT_USER + " PASSWORD '" + key + "'");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + SEAT_USER);
            return Optional.of(key);
        }
    }

    private static String randomKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder key = new StringBuilder();
        for (int group = 0; group < KEY_GROUPS; group++) {
            if (group > 0) {
                key.append('-');
            }
            for (int i = 0; i < KEY_GROUP_LENGTH; i++) {
                key.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
            }
        }
        return key.toString();
    }
}
