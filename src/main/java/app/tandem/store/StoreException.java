package app.tandem.store;

import java.sql.SQLException;

/** A storage failure, with a message a person understands. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    static StoreException from(String what, SQLException e) {
        String message = switch (e.getErrorCode()) {
            case 90020 -> "The database is already open in another Tandem window.";
            case 28000 -> "Wrong database password (for an office seat: the office key).";
            case 90067, 90098 -> "The office database server cannot be reached: " + e.getMessage();
            case 90048, 90030 -> "The database file is damaged: " + e.getMessage();
            case 22001 -> "A value is too long to store.";
            default -> "Could not " + what + ": " + e.getMessage();
        };
        return new StoreException(message, e);
    }
}
