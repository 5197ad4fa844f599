package app.tandem.app.cli;

import app.tandem.app.CrashHarness;
import app.tandem.kb.IndexCheck;
import app.tandem.store.Database;
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
 * {@code tandem bench crash}: issue 16's crash harness. Kills a writing child JVM at random moments and
 * counts the acknowledged writes the reopened database lacks, and the reopens after which the reconciled
 * search index did not serve every article at its database version. Exit code 1 when any write was lost,
 * a reopen failed or the index disagreed.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = {"Start a child JVM that writes messages, suggestion logs, KB saves and sign-in failures through",
                "Tandem's database (KB saves through the knowledge base and its index), kill it at random moments, reopen",
                "the database and count acknowledged writes lost; reconcile the index and check it serves every article",
                "at its database version.",
                "Uses a scratch database, never the data folder."})
public final class BenchCrashCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(names = "--kills", defaultValue = "50", description = "Children started and killed (default ${DEFAULT-VALUE})")
    int kills;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed for the kill moments (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--max-delay-ms", defaultValue = "1500",
            description = "Each child is killed after 0..this many ms of writing (default ${DEFAULT-VALUE})")
    long maxDelayMs;

    @Option(names = "--sigterm", defaultValue = "0",
            description = "How many of the kills (the last ones) are SIGTERM, to exercise the shutdown hook (default ${DEFAULT-VALUE})")
    int sigterms;

    @Option(names = "--commits", defaultValue = "FORCED",
            description = {"FORCED: Tandem's setting (each commit is on the disk before it returns); WRITTEN: written to the",
                    "file but not forced (survives a kill, not a power cut); DELAYED: H2's default write delay. The last two",
                    "measure what FORCED costs and what it saves (default ${DEFAULT-VALUE})"})
    Database.Commits commits;

    @Option(names = "--office-server", description = {"Kill the office server instead: the child serves the database (tandem server)",
            "and this process writes to it as a seat over TCP on loopback; --commits does not apply (the server forces)"})
    boolean office;

    @Option(names = "--verbose", description = "One line per kill")
    boolean verbose;

    public BenchCrashCommand() {
        this(System.out);
    }

    public BenchCrashCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Path folder;
        try {
            folder = Files.createTempDirectory("tandem-crash");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            out.printf(Locale.ROOT, "Crash harness: %d kills (%d SIGTERM) of %s, seed %d, kill after 0..%d ms of writing, commits %s, %d cores%n",
                    kills, sigterms, office ? "the office server (a seat writing over TCP)" : "a solo desk", seed, maxDelayMs,
                    office ? Database.Commits.FORCED : commits, Runtime.getRuntime().availableProcessors());
            CrashHarness.Report report = CrashHarness.run(folder,
                    new CrashHarness.Options(kills, seed, maxDelayMs, sigterms, office ? Database.Commits.FORCED : commits, office),
                    CrashChild.class.getName(), k -> {
                        if (verbose || k.lost() > 0 || !k.reopened() || !k.exitedInTime() || !k.indexConsistent()) {
                            out.printf(Locale.ROOT, "kill %3d %s: %5d acknowledged, %4d lost, %s%s; index %s%s%n", k.number(),
                                    k.sigterm() ? "SIGTERM" : "SIGKILL", k.acknowledged(), k.lost(),
                                    k.reopened() ? "reopened" : "did not reopen: " + k.problem(),
                                    k.exitedInTime() ? "" : ", did not exit within 10 s of SIGTERM",
                                    k.index().map(IndexCheck::english).orElse(k.problem()),
                                    k.indexConsistent() ? ", consistent" : ", NOT CONSISTENT with the database");
                        }
                    });
            out.printf(Locale.ROOT, "kills %d, acknowledged writes %d, lost writes %d (in %d kills), clean reopens %d/%d, "
                            + "index consistent %d/%d (caught up after %d, rebuilt after %d), writes/s %.0f%n",
                    report.kills().size(), report.acknowledged(), report.lost(), report.killsWithLoss(),
                    report.cleanReopens(), report.kills().size(), report.indexConsistent(), report.kills().size(),
                    report.indexCaughtUp(), report.indexRebuilt(), report.writesPerSecond());
            int all = report.kills().size();
            return report.lost() == 0 && report.cleanReopens() == all && report.indexConsistent() == all ? 0 : 1;
        } finally {
            delete(folder);
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
