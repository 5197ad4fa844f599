package app.tandem.app;

import app.tandem.store.Database;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A seat of a PostgreSQL office database (issue 17, larger sites). The address names the server and the database;
 * the user and password come from {@code credentials}, a file only its owner may read, or from the environment
 * ({@link DatabaseCredentials}), and are read at each start, so {@value Seat#FILE} keeps the file's path, never
 * the password.
 *
 * @param url         {@code jdbc:postgresql://HOST[:PORT]/DATABASE}
 * @param credentials the credentials file, or empty for {@code TANDEM_DB_USER} and {@code TANDEM_DB_PASSWORD}
 */
public record PostgreSqlSeat(String url, Optional<Path> credentials) implements Seat {

    public PostgreSqlSeat {
        requireAddress(url);
        credentials = credentials.map(Path::toAbsolutePath);
    }

    /**
     * Refuses an address Tandem cannot use as an office database, or one that carries credentials: a command line
     * is visible to every user of the PC.
     */
    public static void requireAddress(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("\"" + url.replaceAll("[?;].*", "")
                    + "\" is not a PostgreSQL database address: write jdbc:postgresql://HOST[:PORT]/DATABASE.");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || lower.contains("user=")) {
            throw new IllegalArgumentException("The database address carries user= or password=, and credentials never go on "
                    + "the command line: remove them and give --credentials FILE, or set TANDEM_DB_USER and TANDEM_DB_PASSWORD.");
        }
    }

    /**
     * The seat {@code tandem --database URL} starts as: the given credentials file, else the one kept in the data
     * folder when it was joined to the same database, else the environment's.
     */
    public static PostgreSqlSeat forThisRun(String url, Optional<Path> credentials, Path dataFolder) {
        Optional<Path> saved = Seat.of(dataFolder).filter(PostgreSqlSeat.class::isInstance).map(PostgreSqlSeat.class::cast)
                .filter(s -> s.url.equals(url)).flatMap(PostgreSqlSeat::credentials);
        return new PostgreSqlSeat(url, credentials.or(() -> saved));
    }

    @Override
    public Database open() {
        DatabaseCredentials login = DatabaseCredentials.of(credentials, System.getenv());
        return Database.join(url, login.user(), login.password());
    }

    @Override
    public String describe() {
        return "office database " + url;
    }

    @Override
    public Properties properties() {
        Properties p = new Properties();
        p.setProperty("database", url);
        credentials.ifPresent(file -> p.setProperty("credentials", file.toString()));
        return p;
    }

    @Override
    public String toString() {
        return describe();
    }
}
