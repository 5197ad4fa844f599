package app.tandem.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The database's pooled connections, which must not keep being handed out after the database's server went
 * away (an embedded database never loses its connections this way). H2's {@link JdbcConnectionPool} ignores the drivers' connection-error events and recycles every
 * connection it is given back, so once the server restarts its pool still holds sockets to the old one: each would
 * fail one more request. Here the first connection found dead retires the whole pool (its connections close as
 * they come back) and the request is tried once more on a fresh one, which reaches the server if it is there.
 */
final class Connections implements DataSource {

    private final Supplier<JdbcConnectionPool> pools;
    private final AtomicReference<JdbcConnectionPool> current;

    Connections(Supplier<JdbcConnectionPool> pools) {
        this.pools = pools;
        this.current = new AtomicReference<>(pools.get());
    }

    @Override
    public Connection getConnection() throws SQLException {
        JdbcConnectionPool pool = current.get();
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (!StoreException.connectionLost(e)) {
                throw e;
            }
            renew(pool);
            return current.get().getConnection();
        }
    }

    /** Drops every pooled connection, as after a failed round trip whose connection may be dead in the pool. */
    void renew() {
        renew(current.get());
    }

    private void renew(JdbcConnectionPool dead) {
        JdbcConnectionPool fresh = pools.get();
        if (current.compareAndSet(dead, fresh)) {
            dead.dispose();
        } else {
            // Another thread renewed it first: its pool is the one to use.
            fresh.dispose();
        }
    }

    void dispose() {
        current.get().dispose();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The office database's user is chosen when the seat joins");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Tandem logs through SLF4J.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // The drivers' own connect timeouts are set in the address (Database).
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
