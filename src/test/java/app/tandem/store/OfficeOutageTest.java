package app.tandem.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tandem.Slow;
import app.tandem.customer.Customer;
import app.tandem.work.DataFailure;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office server goes away under a seat and comes back (issue 17): the seat's writes meanwhile are refused in
 * one sentence, nothing it acknowledged is lost, and once the server answers on the same port the seat's next
 * write goes through without the seat being restarted, however many dead connections its pool held.
 */
@Slow
class OfficeOutageTest {

    @TempDir
    Path tmp;

    @Test
    void aSeatRefusesWritesWhileTheServerIsGoneAndWritesAgainWhenItIsBack() throws SQLException {
        Path folder = tmp.resolve("server");
        OfficeServer server = OfficeServer.start(folder, 0, false);
        int port = server.port();
        String key = server.newKey().orElseThrow();
        List<String> acknowledged = new ArrayList<>();
        try (Database seat = Database.join(OfficeServer.seatUrl("127.0.0.1", port), OfficeServer.SEAT_USER, key)) {
            JdbcCustomerRepository customers = new JdbcCustomerRepository(seat.dataSource());
            save(customers, "C1", acknowledged);
            holdConnectionsAtOnce(seat, 4);
            save(customers, "C2", acknowledged);

            server.close();
            StoreException refused = assertThrows(StoreException.class, () -> save(customers, "C3", acknowledged));
            assertEquals(DataFailure.Kind.OFFICE_NOT_ANSWERING, refused.kind());
            assertEquals("The office server is not answering; nothing was saved. Tandem reconnects by itself.",
                    refused.getMessage());

            server = OfficeServer.start(folder, port, false);
            // Each of the pool's connections went to the old server; none of them may fail one of these.
            for (int i = 4; i < 10; i++) {
                save(customers, "C" + i, acknowledged);
            }
            assertEquals(acknowledged, customers.all().stream().map(Customer::id).sorted().toList(),
                    "every acknowledged write is there, and the refused one is not");
        } finally {
            server.close();
        }
    }

    @Test
    void aServerThatNeverWasIsCalledUnreachableAtTheStart() {
        StoreException refused = assertThrows(StoreException.class,
                () -> Database.join(OfficeServer.seatUrl("127.0.0.1", 1), OfficeServer.SEAT_USER, "KEY"));
        assertEquals(DataFailure.Kind.OFFICE_NOT_ANSWERING, refused.kind());
        assertEquals(true, refused.getMessage().startsWith("The office database server cannot be reached"), refused.getMessage());
    }

    private static void save(JdbcCustomerRepository customers, String id, List<String> acknowledged) {
        customers.save(new Customer(id, "Customer " + id, "retail", "en", Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(), List.of(), ""));
        acknowledged.add(id);
    }

    /** Leaves {@code count} connections in the pool, as a desk's busy moment does. */
    private static void holdConnectionsAtOnce(Database db, int count) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(db.dataSource().getConnection());
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
