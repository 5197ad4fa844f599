package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.store.OfficeServer;
import app.tandem.work.JoinRefusedException;
import app.tandem.work.JoinRefusedException.Reason;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@app.tandem.Slow
/** Joining from the sign-in screen: each way it can fail is its own sentence and keeps nothing; success keeps the seat. */
class OfficeJoinTest {

    @TempDir
    Path tmp;

    @Test
    void eachRefusalIsNamedAndNothingIsKeptUntilTheOfficeAcceptsThisPc() throws IOException {
        Path desk = tmp.resolve("desk");
        OfficeJoin join = new OfficeJoin(desk, true, true);
        assertTrue(join.offered());
        assertTrue(join.newFolder());
        try (OfficeServer server = OfficeServer.start(tmp.resolve("server"), 0, false)) {
            String address = "127.0.0.1:" + server.port();
            assertEquals(Reason.NO_KEY, refusal(join, address, " "));
            assertEquals(Reason.BAD_ADDRESS, refusal(join, "branch server:9092", "KEY"));
            assertEquals(Reason.BAD_ADDRESS, refusal(join, "127.0.0.1:port", "KEY"));
            assertEquals(Reason.KEY_REFUSED, refusal(join, address, "NOT-THE-KEY"));
            assertEquals(Reason.NOT_ANSWERING, refusal(join, "127.0.0.1:" + freePort(), "KEY"));
            assertFalse(Files.exists(desk.resolve(Seat.FILE)), "nothing kept after a refusal");

            assertEquals("office server " + address, join.join(address, server.newKey().orElseThrow()));
            assertEquals(Optional.of(OfficeSeat.of(address, server.newKey().orElseThrow())), Seat.of(desk));
        }
    }

    @Test
    void aSeatIsNotOfferedToJoinAgain() {
        OfficeJoin seat = new OfficeJoin(tmp, false, true);
        assertFalse(seat.offered());
        assertFalse(seat.newFolder());
    }

    private static Reason refusal(OfficeJoin join, String server, String key) {
        return assertThrows(JoinRefusedException.class, () -> join.join(server, key)).reason();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
