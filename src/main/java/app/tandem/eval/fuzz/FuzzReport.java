package app.tandem.eval.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a fuzz run found, per target: how many cases, how each was taken, the slowest, and the first failures
 * with what it takes to make each again.
 *
 * @param stopped      why the run stopped early, when it did
 * @param peakHeapUsed the most heap in use seen right after a case (garbage included)
 */
public record FuzzReport(long seed, List<TargetFigures> targets, Optional<String> stopped, long peakHeapUsed) {

    /** One failed case: its seed and number remake it; {@code saved} holds its input, when it was written. */
    public record Failure(String target, int number, String origin, String why, Optional<Path> saved) {}

    /**
     * @param slowestMillis       the longest case, {@code slowestCase} its number
     * @param mostAllocatedBytes  the most one case allocated on its thread (a bound on its heap growth)
     * @param failures            the first few failures (all are counted in {@code failed})
     * @param refuses             false for an entry point with nothing to refuse (a search answers every query)
     */
    public record TargetFigures(String name, boolean refuses, int cases, int accepted, int refused, int failed, long slowestMillis,
                                int slowestCase, long mostAllocatedBytes, List<Failure> failures) {

        public TargetFigures {
            failures = List.copyOf(failures);
        }
    }

    public FuzzReport {
        targets = List.copyOf(targets);
    }

    public int cases() {
        return targets.stream().mapToInt(TargetFigures::cases).sum();
    }

    public int failed() {
        return targets.stream().mapToInt(TargetFigures::failed).sum();
    }

    public boolean clean() {
        return failed() == 0 && stopped.isEmpty();
    }
}
