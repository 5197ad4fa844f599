package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.tandem.Slow;
import app.tandem.conversation.Channel;
import app.tandem.security.PasswordHasher;
import app.tandem.store.OfficeServer;
import app.tandem.work.DataFailure;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running seat whose office server stops and starts again (issue 17): it notices, refuses, and recovers alone. */
@Slow
class OfficeLinkTest {

    @TempDir
    Path tmp;

    @Test
    void aSeatNoticesTheServerGoneAndBackWithinSecondsAndLosesNoAcknowledgedWrite() throws InterruptedException {
        Path served = tmp.resolve("server");
        OfficeServer server = OfficeServer.start(served, 0, false);
        int port = server.port();
        new OfficeSeat("127.0.0.1", port, server.newKey().orElseThrow()).save(tmp.resolve("seat"));
        List<Long> acknowledged = new ArrayList<>();
        try (Tandem seat = Tandem.start(tmp.resolve("seat"), Progress.NONE, new PasswordHasher(1_000), Clock.systemUTC(), false)) {
            List<OfficeLink.State> heard = new ArrayList<>();
            seat.officeLink().addListener(heard::add);
            acknowledged.add(seat.conversations.open(Optional.empty(), Channel.PHONE, "Before").id());

            server.close();
            awaitTrue(() -> !seat.officeLink().answering(), "the link says the server is gone");
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> seat.conversations.open(Optional.empty(), Channel.PHONE, "During"));
            assertEquals(DataFailure.Kind.OFFICE_NOT_ANSWERING, ((DataFailure) refused).kind());

            server = OfficeServer.start(served, port, false);
            awaitTrue(() -> seat.officeLink().answering(), "the link says the server answers again");
            acknowledged.add(seat.conversations.open(Optional.empty(), Channel.PHONE, "After").id());
            assertEquals(List.of(OfficeLink.State.UNREACHABLE, OfficeLink.State.REACHABLE), heard, "one change each way");
            for (long id : acknowledged) {
                assertEquals(true, seat.conversations.find(id).isPresent(), "conversation " + id + " was acknowledged");
            }
        } finally {
            server.close();
        }
    }

    /** The follower asks every second and gives up on a silent server after a few: well inside this bound. */
    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " within 15 s");
            }
            Thread.sleep(50);
        }
    }
}
