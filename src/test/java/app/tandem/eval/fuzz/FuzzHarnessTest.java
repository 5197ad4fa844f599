package app.tandem.eval.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.app.cli.BenchFuzzCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A short fuzz run over every target (issue 16): the full run is {@code tandem bench fuzz --cases 10000}. Each
 * target's probes come first, then grammar and mutation cases, all from seed 1, on one Tandem over a real H2
 * database and Lucene index in a temporary folder.
 */
@Slow
class FuzzHarnessTest {

    /** Cases per target: its probes and some 25 generated ones. */
    private static final int PER_TARGET = 30;

    /**
     * Failures of seed 1 whose fix belongs to the limits branch (size, count and nesting limits of the import
     * readers and the article format) or to the editor's save, as "target case": printed, not failed on. Empty this
     * once those are merged, so that the test asserts no failure at all.
     * <ul>
     *   <li>a title over 512 characters or tags over 1,000 reach H2 ("A value is too long to store."): import-md 3, 4;
     *       import-csv 1; import-json 2; editor-save 3, 4, 29</li>
     *   <li>a CSV file of 20,000 rows is imported, for minutes: import-csv 2</li>
     *   <li>JSON nested past Jackson's 1,000 levels: ImportFiles.json reads the error's location, which is null (an
     *       NullPointerException): import-json 1, 7, 9</li>
     *   <li>a bundle of 700 entries of 1 MB is read into memory: import-bundle 0</li>
     *   <li>an editor's body of 3 MB is saved and indexed in about 1 s, past the limit only on a loaded machine: editor-save 11</li>
     * </ul>
     */
    private static final Set<String> KNOWN = Set.of();

    @TempDir
    Path tmp;

    @Test
    void everyTargetAcceptsAndRefusesAndNothingFails() {
        FuzzReport report;
        try (FuzzTargets targets = new FuzzTargets(BenchFuzzCommand::open)) {
            // Three times each case's limit: this checks what the cases do on a machine shared with other builds;
            // their speed is measured by the full run.
            FuzzHarness harness = new FuzzHarness(new FuzzHarness.Options(PER_TARGET * targets.specs().size(), 1,
                    OptionalInt.empty(), tmp, 3), figures -> { });
            report = harness.run(targets.specs());
        }
        assertTrue(report.stopped().isEmpty(), report.stopped().orElse(""));
        for (FuzzReport.TargetFigures t : report.targets()) {
            assertEquals(PER_TARGET, t.cases(), t.name());
            assertTrue(t.accepted() > 0, t.name() + " accepted no case: its generators make only what it refuses");
            assertTrue(!t.refuses() || t.refused() > 0, t.name() + " refused no case: its generators make only what it takes");
        }
        List<FuzzReport.Failure> failures = report.targets().stream().flatMap(t -> t.failures().stream()).toList();
        failures.stream().filter(f -> KNOWN.contains(f.target() + " " + f.number()))
                .forEach(f -> System.out.println("Known failure (FuzzHarnessTest.KNOWN): " + f.target() + " case " + f.number()
                        + " (" + f.origin() + "): " + f.why()));
        List<String> unexpected = failures.stream().filter(f -> !KNOWN.contains(f.target() + " " + f.number()))
                .map(f -> f.target() + " case " + f.number() + " (" + f.origin() + "): " + f.why()).toList();
        assertEquals(List.of(), unexpected);
        assertEquals(report.failed(), failures.size(), "every failure is listed (at most ten per target)");
    }
}
