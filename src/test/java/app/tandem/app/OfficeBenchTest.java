package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's office bench, tiny: 3 seats for 1.5 s on a scratch H2 office server. It checks that the harness writes
 * and measures, not how fast: the measured runs are in docs/experiments/office.md.
 */
class OfficeBenchTest {

    @Test
    void threeSeatsWriteEveryKindOfWriteAndFollowEachOther() {
        OfficeRun run = OfficeBench.run(new H2OfficeEngine(), 3, new OfficeBench.Options(2, Duration.ofMillis(1500), 7), stage -> {});

        assertEquals(0, run.errors(), () -> run.firstError().orElse(""));
        assertTrue(run.due() > 0 && run.done() > 0 && run.done() <= run.due(), run::toString);
        for (OfficeOperation op : new OfficeOperation[] {OfficeOperation.CLAIM, OfficeOperation.CUSTOMER_TURN,
                OfficeOperation.SUGGESTIONS, OfficeOperation.AGENT_REPLY}) {
            assertTrue(run.byOperation().get(op).count() > 0, op + " never written: " + run);
        }
        assertTrue(run.writes().p50() > 0 && run.writes().p50() <= run.writes().p99() && run.writes().p99() <= run.writes().max(),
                run::toString);
        // Each seat's follower reads what the other two and the channel wrote.
        assertTrue(run.feedLag().count() >= 2L * run.byOperation().get(OfficeOperation.CUSTOMER_TURN).count(), run::toString);
        assertTrue(run.feedLag().p50() <= run.feedLag().p99() && run.feedLag().p99() <= run.feedLag().max(), run::toString);
        assertEquals(run.feedCount().acknowledged(), run.feedCount().inFeed(), "every acknowledged write is one feed row");
    }

    @Test
    void aPostgresqlOffTheMachineIsRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> PostgresOfficeEngine.requireLoopback("jdbc:postgresql://192.0.2.10:5432/office"));
        assertTrue(refused.getMessage().contains("not a loopback address"), refused.getMessage());
        assertDoesNotThrow(() -> PostgresOfficeEngine.requireLoopback("jdbc:postgresql://127.0.0.1:5433/bench"));
    }
}
