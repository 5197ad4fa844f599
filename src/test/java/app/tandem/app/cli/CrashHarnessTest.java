package app.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.app.CrashHarness;
import app.tandem.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's crash harness, short: a few kills of a writing child JVM, every acknowledged write still
 * there after reopening, and the index, once reconciled, serving every article at its database version. The full run (≥ 50 kills) is {@code tandem bench crash}; see
 * docs/experiments/durability.md.
 */
@Slow
class CrashHarnessTest {

    @TempDir
    Path tmp;

    @Test
    void noAcknowledgedWriteIsLostWhenTheProcessIsKilled() {
        // 3 SIGKILL and 1 SIGTERM (the shutdown hook), each after 0..0.8 s of writing: 9 s on a quiet 2-core machine.
        CrashHarness.Report report = CrashHarness.run(tmp, new CrashHarness.Options(4, 16, 800, 1, Database.Commits.FORCED),
                CrashChild.class.getName(), k -> {});
        assertEquals(4, report.kills().size());
        assertTrue(report.acknowledged() > 0, "the children acknowledged no write: " + report);
        assertEquals(0, report.lost(), () -> "acknowledged writes lost: " + report);
        assertEquals(4, report.cleanReopens(), () -> "a reopen failed: " + report);
        assertEquals(4, report.indexConsistent(), () -> "the reconciled index disagreed with the database: " + report);
        assertTrue(report.kills().stream().allMatch(CrashHarness.Kill::exitedInTime),
                () -> "the child did not exit within 10 s of SIGTERM: " + report);
    }

    @Test
    void noWriteTheOfficeServerAcknowledgedIsLostWhenItIsKilled() {
        // The child serves the database; this JVM writes to it as a seat. 2 SIGKILL and 1 SIGTERM of the server.
        CrashHarness.Report report = CrashHarness.run(tmp, new CrashHarness.Options(3, 17, 800, 1, Database.Commits.FORCED, true),
                CrashChild.class.getName(), k -> {});
        assertTrue(report.acknowledged() > 0, "the seat acknowledged no write: " + report);
        assertEquals(0, report.lost(), () -> "acknowledged writes lost: " + report);
        assertEquals(3, report.cleanReopens(), () -> "a reopen failed: " + report);
        assertEquals(3, report.indexConsistent(), () -> "the seat's reconciled index disagreed with the database: " + report);
    }
}
