package app.tandem.store;

import app.tandem.work.DataFailure;
import java.sql.SQLException;

/** A storage failure, with a message a person understands, and its {@link DataFailure.Kind} for the desk's words. */
public final class StoreException extends RuntimeException implements DataFailure {

    /** H2's "connection is broken": its TCP client's word for a server that is gone or does not answer. */
    private static final int H2_CONNECTION_BROKEN = 90067;

    private final Kind kind;

    public StoreException(String message, Throwable cause) {
        this(message, cause, Kind.OTHER);
    }

    public StoreException(String message) {
        super(message);
        this.kind = Kind.OTHER;
    }

    /** A refusal of the given kind that no driver raised (a schema this Tandem was not built for). */
    static StoreException refusal(String message, Kind kind) {
        return new StoreException(message, null, kind);
    }

    private StoreException(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** What {@link Database} says it was doing when it opens the database: a failure then is not a lost write. */
    static final String OPEN = "open the database";

    static StoreException from(String what, SQLException e) {
        if (connectionLost(e)) {
            // At start the driver's text names the host and what refused it; later it would tell a supervisor
            // nothing they can act on, and what they need to know is that nothing was saved.
            return new StoreException(OPEN.equals(what) ? "The office database server cannot be reached: " + e.getMessage()
                    : "The office server is not answering; nothing was saved. Tandem reconnects by itself.",
                    e, Kind.OFFICE_NOT_ANSWERING);
        }
        if (e.getErrorCode() == 28000 || "28P01".equals(e.getSQLState())) {
            return new StoreException("Wrong database password (for an office seat: the office key).", e, Kind.KEY_REFUSED);
        }
        String message = switch (e.getErrorCode()) {
            case 90020 -> "The database is already open in another Tandem window.";
            case 90098 -> "The office database server cannot be reached: " + e.getMessage();
            case 90048, 90030 -> "The database file is damaged: " + e.getMessage();
            case 22001 -> "A value is too long to store.";
            default -> "Could not " + what + ": " + e.getMessage();
        };
        return new StoreException(message, e);
    }

    /**
     * True when the way to the database server failed rather than the statement: SQLState class 08 (the
     * standard's connection exceptions, PostgreSQL's driver among others) or H2's broken connection.
     */
    static boolean connectionLost(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getErrorCode() == H2_CONNECTION_BROKEN || s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
