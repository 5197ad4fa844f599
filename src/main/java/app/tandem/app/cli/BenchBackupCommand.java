package app.tandem.app.cli;

import app.tandem.app.BackupHarness;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem bench backup}: issue 16's backup harness. Backups taken while turns are written at a steady rate, each
 * restored into a fresh folder; exit code 1 when one did not restore or lacked a turn acknowledged before it started.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write customer turns at a steady rate through Tandem's database, take backups meanwhile, restore",
                "each into a fresh folder and check that every turn acknowledged before it started is there.",
                "Uses a scratch folder, never the data folder."})
public final class BenchBackupCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(names = "--backups", defaultValue = "20", description = "Backups to take while writing (default ${DEFAULT-VALUE})")
    int backups;

    @Option(names = "--rate", defaultValue = "200", description = "Turns written per second, one thread (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--spacing-ms", defaultValue = "500", description = "Pause between backups (default ${DEFAULT-VALUE})")
    long spacingMs;

    public BenchBackupCommand() {
        this(System.out);
    }

    public BenchBackupCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (backups < 1 || rate < 1 || spacingMs < 0) {
            throw new IllegalArgumentException("--backups and --rate must be at least 1, --spacing-ms at least 0.");
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("tandem-bench-backup");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            out.printf(Locale.ROOT, "Backup harness: %d backups while writing %d turns/s, %d ms between backups, %d cores%n",
                    backups, rate, spacingMs, Runtime.getRuntime().availableProcessors());
            out.println("backup  took s     MB  acked before  restored  missing  held from during  restore s");
            BackupHarness.Report report = BackupHarness.run(scratch, new BackupHarness.Options(backups, rate, spacingMs),
                    r -> out.printf(Locale.ROOT, "%6d  %6.2f  %5.2f  %12d  %8s  %7d  %16d  %9.2f%s%n", r.number(), r.backupSeconds(),
                            r.bytes() / 1e6, r.acknowledgedBefore(), r.restored() ? "yes" : "NO", r.missing(),
                            r.acknowledgedDuringAndHeld(), r.restoreSeconds(), r.problem().isEmpty() ? "" : "  " + r.problem()));
            out.printf(Locale.ROOT, "backups %d, restored and complete %d/%d, acknowledged turns missing %d; turns written %d (%.0f/s), longest pause between two %.2f s%n",
                    report.rounds().size(), report.passed(), report.rounds().size(), report.missing(), report.written(),
                    report.writtenPerSecond(), report.longestPauseSeconds());
            return report.passed() == report.rounds().size() && report.rounds().size() == backups ? 0 : 1;
        } finally {
            delete(scratch);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch folder left in the temp directory is harmless.
        }
    }
}
