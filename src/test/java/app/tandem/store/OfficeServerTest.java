package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Office mode: one process serves the data folder's database over TCP (loopback here); seats join it with the key. */
class OfficeServerTest {

    @TempDir
    Path tmp;

    @Test
    void aSeatWritesWhatTheServerAndOtherSeatsRead() {
        try (OfficeServer server = OfficeServer.start(tmp, 0, false)) {
            String key = server.newKey().orElseThrow();
            assertTrue(key.matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}"), key);
            String url = OfficeServer.seatUrl("127.0.0.1", server.port());
            long id;
            try (Database seat = Database.join(url, OfficeServer.SEAT_USER, key)) {
                Conversation c = new JdbcConversationRepository(seat.dataSource())
                        .create(Optional.empty(), Channel.CHAT, "From seat A", Instant.now());
                id = c.id();
            }
            try (Database other = Database.join(url, OfficeServer.SEAT_USER, key)) {
                assertEquals("From seat A", new JdbcConversationRepository(other.dataSource()).find(id).orElseThrow().title());
            }
            assertEquals("From seat A", new JdbcConversationRepository(server.database().dataSource()).find(id).orElseThrow().title());
        }
    }

    @Test
    void theKeyIsShownOnceAndAReplacedKeyLocksTheOldOneOut() {
        String first;
        try (OfficeServer server = OfficeServer.start(tmp, 0, false)) {
            first = server.newKey().orElseThrow();
        }
        try (OfficeServer again = OfficeServer.start(tmp, 0, false)) {
            assertEquals(Optional.empty(), again.newKey(), "H2 keeps only the hash: the key is not shown again");
        }
        try (OfficeServer replaced = OfficeServer.start(tmp, 0, true)) {
            String second = replaced.newKey().orElseThrow();
            String url = OfficeServer.seatUrl("127.0.0.1", replaced.port());
            StoreException refused = assertThrows(StoreException.class, () -> Database.join(url, OfficeServer.SEAT_USER, first));
            assertTrue(refused.getMessage().startsWith("Wrong database password"), refused.getMessage());
            Database.join(url, OfficeServer.SEAT_USER, second).close();
        }
    }

    @Test
    void aSeatCannotChangeTheSchema() throws SQLException {
        try (OfficeServer server = OfficeServer.start(tmp, 0, false);
             Database seat = Database.join(OfficeServer.seatUrl("127.0.0.1", server.port()), OfficeServer.SEAT_USER,
                     server.newKey().orElseThrow());
             Connection c = seat.dataSource().getConnection(); Statement s = c.createStatement()) {
            // 90096: H2's "not enough rights".
            assertEquals(90096, assertThrows(SQLException.class, () -> s.execute("DROP TABLE conversations")).getErrorCode());
            assertEquals(90096, assertThrows(SQLException.class, () -> s.execute("CREATE TABLE scratch (id INT)")).getErrorCode());
        }
    }

    @Test
    void aSeatOlderThanTheOfficeDatabaseIsToldToUpgrade() throws SQLException {
        try (OfficeServer server = OfficeServer.start(tmp, 0, false)) {
            // As if the server ran a newer Tandem whose migration 9999 this seat does not know.
            try (Connection c = server.database().dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                        + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") "
                        + "VALUES (9999, '9999', 'from a newer Tandem', 'SQL', 'V9999__newer.sql', 0, 'tandem', 1, TRUE)");
            }
            StoreException refused = assertThrows(StoreException.class, () -> Database.join(
                    OfficeServer.seatUrl("127.0.0.1", server.port()), OfficeServer.SEAT_USER, server.newKey().orElseThrow()));
            assertTrue(refused.getMessage().contains("install the office's Tandem version on this PC"), refused.getMessage());
        }
    }
}
