package app.tandem.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The {@code kb_change} rows: one per article whose indexed content a transaction changes, written in that
 * transaction, so the search index can be caught up from the last change it reflects (issue 16).
 */
final class KbChangeLog {

    private KbChangeLog() {}

    static void record(Connection c, String articleId, Instant at) throws SQLException {
        Jdbc.update(c, "INSERT INTO kb_change (article_id, changed_at) VALUES (?, ?)", articleId, at);
    }
}
