package app.tandem.app.cli;

import app.tandem.app.Tandem;
import app.tandem.eval.fuzz.FuzzDesk;
import app.tandem.eval.fuzz.FuzzHarness;
import app.tandem.eval.fuzz.FuzzReport;
import app.tandem.eval.fuzz.FuzzTargets;
import app.tandem.work.Progress;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem bench fuzz}: issue 16's fuzz harness over every importer and parser. Exit code 1 when any case
 * failed or the run had to stop.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Run generated, mutated and fixed cases through every entry point for outside",
                "input: article files; the knowledge-base import of a .md file, a folder, CSV,",
                "JSON and a bundle; transcripts; customer messages; the editor's save; the",
                "knowledge-base search; sign-in. All on a real database and index in a scratch",
                "folder, never the data folder. A case is ACCEPTED, REFUSED (the product's own",
                "refusal in a clear sentence, nothing changed) or FAILED (anything else, or",
                "over 2 s). Failing inputs are written under --out.",
                "",
                "Issue 16's full run:",
                "  java -Xmx512m -Dai.djl.offline=true -jar target/tandem.jar bench fuzz --cases 10000 --seed 1",
                "Remake one failure: the same --seed, with --target NAME --case N.",
                ""})
public final class BenchFuzzCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(names = "--cases", defaultValue = "10000", description = "Cases in all, shared among the targets (default ${DEFAULT-VALUE})")
    int cases;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed: the same seed makes the same cases (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--target", description = "Run only this target (repeatable): article-file, import-md, import-folder, "
            + "import-csv, import-json, import-bundle, transcript, customer-message, editor-save, kb-search, sign-in")
    List<String> targets;

    @Option(names = "--case", description = "Run only case N of each target, to remake a failure")
    Integer only;

    @Option(names = "--verbose", description = "Keep Tandem's log lines (every refused import file is a warning)")
    boolean verbose;

    @Option(names = "--out", defaultValue = "fuzz-failures", description = "Where failing inputs are written (default ${DEFAULT-VALUE})")
    Path outFolder;

    public BenchFuzzCommand() {
        this(System.out);
    }

    public BenchFuzzCommand(PrintStream out) {
        this.out = out;
    }

    /** Tandem as the desk starts it, without the language models (keyword search, as when they cannot load). */
    public static FuzzDesk open(Path dataFolder) {
        Tandem tandem = Tandem.start(dataFolder, Progress.NONE, new Tandem.Options(false, false));
        return new FuzzDesk(tandem.knowledgeBase, tandem.curation.transfer(), tandem.curation.curation(), tandem.conversations,
                tandem.understanding, tandem.replay, tandem.accounts, tandem::close);
    }

    @Override
    public Integer call() {
        if (!verbose) {
            // Thousands of refusals are provoked on purpose, and the product logs each one; the table is the output.
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("app.tandem")).setLevel(Level.ERROR);
        }
        try (FuzzTargets all = new FuzzTargets(BenchFuzzCommand::open)) {
            return run(all.specs());
        }
    }

    private int run(List<FuzzHarness.TargetSpec> all) {
        List<String> names = all.stream().map(FuzzHarness.TargetSpec::name).toList();
        if (targets != null && !names.containsAll(targets)) {
            throw new IllegalArgumentException("Unknown target: use one of " + String.join(", ", names) + ".");
        }
        List<FuzzHarness.TargetSpec> chosen = targets == null ? all : all.stream().filter(t -> targets.contains(t.name())).toList();
        out.printf(Locale.ROOT, "Fuzz run: %s, seed %d, %d targets, heap limit %d MB, %d cores%n",
                only == null ? cases + " cases" : "case " + only, seed, chosen.size(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        FuzzHarness harness = new FuzzHarness(new FuzzHarness.Options(cases, seed,
                only == null ? OptionalInt.empty() : OptionalInt.of(only), outFolder), new FuzzHarness.Listener() {
            @Override
            public void targetDone(FuzzReport.TargetFigures t) {
                out.printf(Locale.ROOT, "  %-16s done: %d cases, %d failed%n", t.name(), t.cases(), t.failed());
            }

            @Override
            public void failed(FuzzReport.Failure f) {
                out.printf(Locale.ROOT, "  FAILED %s case %d (%s): %s%n", f.target(), f.number(), f.origin(), f.why());
            }
        });
        FuzzReport report = harness.run(chosen);
        print(report, (System.nanoTime() - start) / 1_000_000_000.0);
        return report.clean() ? 0 : 1;
    }

    private void print(FuzzReport report, double seconds) {
        out.println();
        out.println("| target | cases | accepted | refused | failed | slowest ms (case) | most allocated MB |");
        out.println("|---|---|---|---|---|---|---|");
        long slowest = 0;
        for (FuzzReport.TargetFigures t : report.targets()) {
            out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d (%d) | %.1f |%n", t.name(), t.cases(), t.accepted(), t.refused(),
                    t.failed(), t.slowestMillis(), t.slowestCase(), t.mostAllocatedBytes() / (1024.0 * 1024));
            slowest = Math.max(slowest, t.slowestMillis());
        }
        out.printf(Locale.ROOT, "| **all** | %d | %d | %d | %d | %d | |%n", report.cases(),
                report.targets().stream().mapToInt(FuzzReport.TargetFigures::accepted).sum(),
                report.targets().stream().mapToInt(FuzzReport.TargetFigures::refused).sum(), report.failed(), slowest);
        out.println();
        out.printf(Locale.ROOT, "Time %.0f s; heap: limit %d MB, most in use after a case %d MB%n", seconds,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), report.peakHeapUsed() / (1024 * 1024));
        for (FuzzReport.TargetFigures t : report.targets()) {
            for (FuzzReport.Failure f : t.failures()) {
                out.printf(Locale.ROOT, "failed: %s case %d (%s): %s%s%n", f.target(), f.number(), f.origin(), f.why(),
                        f.saved().map(p -> " [input: " + p + "]").orElse(""));
            }
            if (t.failed() > t.failures().size()) {
                out.printf(Locale.ROOT, "failed: %s: %d more not listed%n", t.name(), t.failed() - t.failures().size());
            }
        }
        report.stopped().ifPresent(s -> out.println("Stopped early: " + s));
        out.println(report.clean() ? "No case failed." : report.failed() + " of " + report.cases() + " cases failed.");
    }
}
