package app.tandem.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The H2 database in the data folder. Migrations run before the pool is handed out, so every
 * store sees the current schema.
 */
public final class Database implements AutoCloseable {

    private final JdbcConnectionPool pool;
    private final Path file;

    private Database(JdbcConnectionPool pool, Path file) {
        this.pool = pool;
        this.file = file;
    }

    /** Opens (creating if needed) {@code tandem.mv.db} in the given folder and migrates it. */
    public static Database open(Path folder) {
        Path file = folder.toAbsolutePath().resolve("tandem");
        // FILE_LOCK=FILE is H2's default; we also take our own lock in the data folder, so a second
        // window fails early with a plain message rather than deep inside H2.
        String url = "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "tandem", "");
        pool.setMaxConnections(16);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(1);
        } catch (SQLException e) {
            pool.dispose();
            throw StoreException.from("open the database", e);
        }
        try {
            Flyway.configure()
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new StoreException("The database could not be upgraded: " + e.getMessage(), e);
        }
        return new Database(pool, file);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Where the database lives, for {@code doctor} and error messages. */
    public Path file() {
        return Path.of(file + ".mv.db");
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
