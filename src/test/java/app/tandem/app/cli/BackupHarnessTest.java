package app.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.app.BackupHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's backup harness, short: 3 backups taken while turns are written at 100/s, each restored into a fresh
 * folder. The measured run is {@code tandem bench backup --backups 20 --rate 200} (docs/experiments/durability.md).
 */
@Slow
class BackupHarnessTest {

    @TempDir
    Path tmp;

    @Test
    void backupsTakenWhileWritingHoldEveryAcknowledgedTurn() {
        BackupHarness.Report report = BackupHarness.run(tmp, new BackupHarness.Options(3, 100, 300), r -> {});
        assertEquals(3, report.rounds().size());
        assertEquals(3, report.passed(), () -> "a backup did not restore or lacked acknowledged turns: " + report);
        assertTrue(report.rounds().stream().allMatch(r -> r.acknowledgedBefore() > 0), report::toString);
        assertEquals(0, report.missing());
    }
}
