package app.tandem.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Small helpers so each store reads as its SQL: parameterised statements, mapped rows, transactions. */
final class Jdbc {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return inConnection("read", c -> query(c, sql, mapper, params));
    }

    <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String sql, Object... params) {
        return inConnection("write", c -> update(c, sql, params));
    }

    long insert(String sql, Object... params) {
        return inConnection("write", c -> insert(c, sql, params));
    }

    /** Runs the work in one transaction: all of it is committed, or none of it. */
    <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreException.from(what, e);
        }
    }

    <T> T inConnection(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw StoreException.from(what, e);
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static long insert(Connection c, String sql, Object... params) throws SQLException {
        return insertNumbered(c, "id", sql, params);
    }

    /** Inserts a row and returns the number the database gave its identity column {@code key}. */
    static long insertNumbered(Connection c, String key, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {key})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no generated key for: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /**
     * Stores a row by its key: updates it when it exists, inserts it otherwise. H2's {@code MERGE ... KEY} and
     * PostgreSQL's {@code ON CONFLICT} are each one engine's; an UPDATE and, when it matched nothing, an INSERT
     * are both's. Run it inside a transaction; two seats inserting the same new key at once make the second fail
     * on the key, and nothing half-written stays.
     */
    static void upsert(Connection c, String table, List<String> keys, List<String> columns, Object... values)
            throws SQLException {
        List<String> all = new ArrayList<>(keys);
        all.addAll(columns);
        if (values.length != all.size()) {
            throw new IllegalArgumentException(all.size() + " columns, " + values.length + " values");
        }
        String set = String.join(", ", columns.stream().map(col -> col + " = ?").toList());
        String where = String.join(" AND ", keys.stream().map(k -> k + " = ?").toList());
        Object[] updateParams = new Object[values.length];
        System.arraycopy(values, keys.size(), updateParams, 0, columns.size());
        System.arraycopy(values, 0, updateParams, columns.size(), keys.size());
        if (update(c, "UPDATE " + table + " SET " + set + " WHERE " + where, updateParams) == 0) {
            String marks = String.join(", ", Collections.nCopies(all.size(), "?"));
            update(c, "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES (" + marks + ")", values);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
