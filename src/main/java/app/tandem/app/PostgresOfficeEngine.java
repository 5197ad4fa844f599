package app.tandem.app;

import app.tandem.store.Database;
import app.tandem.store.StoreException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A PostgreSQL that the person running the bench started for it, on loopback. The bench writes thousands of
 * made-up conversations, so it only takes an empty database: it migrates that once and every run's seats join
 * it; a database that already holds Tandem's tables (an office's, or an earlier bench's) is refused, and so is
 * one holding other tables (Flyway refuses to migrate a non-empty schema it did not make). The rows stay in that
 * database afterwards: it is the person's to drop.
 */
public final class PostgresOfficeEngine implements OfficeEngine {

    private final String url;
    private final String user;
    private final String password;

    private PostgresOfficeEngine(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Checks that {@code url} is a PostgreSQL on this machine's loopback and that its database is empty, then
     * migrates it. Throws {@link IllegalArgumentException} with one sentence when it refuses.
     */
    public static PostgresOfficeEngine prepare(String url, String user, String password) {
        requireLoopback(url);
        requireEmpty(url, user, password);
        try {
            Database.connect(url, user, password).close();
        } catch (StoreException e) {
            if (e.getCause() instanceof FlywayException) {
                throw new IllegalArgumentException("The bench only takes an empty database, and Tandem's tables could not be "
                        + "made in " + url + ": " + e.getCause().getMessage(), e);
            }
            throw e;
        }
        return new PostgresOfficeEngine(url, user, password);
    }

    /** Refuses, in one sentence, a URL that is not PostgreSQL on this machine's loopback. */
    public static void requireLoopback(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--postgres takes jdbc:postgresql://127.0.0.1:PORT/DATABASE, not " + url);
        }
        String host = URI.create(url.substring("jdbc:".length())).getHost();
        if (host == null || host.contains(",")) {
            throw new IllegalArgumentException("--postgres needs one host, on loopback: " + url);
        }
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("The office bench is a load test and stays on this machine: " + host
                        + " is not a loopback address (use 127.0.0.1).");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host in --postgres: " + host, e);
        }
    }

    private static void requireEmpty(String url, String user, String password) {
        // Only Flyway's schema history is read here (store migrates below); Database.join cannot tell an empty
        // database from an office's older one, and connecting would upgrade that office's data.
        int applied;
        try {
            applied = Flyway.configure().dataSource(url, user, password)
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .load().info().applied().length;
        } catch (FlywayException e) {
            throw new IllegalArgumentException("Could not read the database at " + url + ": " + e.getMessage(), e);
        }
        if (applied > 0) {
            throw new IllegalArgumentException("The database at " + url + " already holds Tandem's tables; the bench writes "
                    + "thousands of made-up conversations, so give it an empty database (createdb) instead.");
        }
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public Served serve() {
        return new Served() {
            @Override
            public Database join() {
                return Database.join(url, user, password);
            }

            @Override
            public void close() {
                // The server is the person's; the rows stay in the database they gave the bench.
            }
        };
    }
}
