package app.tandem.eval.fuzz;

import java.time.Duration;

/**
 * One generated case: which target, its number (with the run's seed, enough to make it again), how it was
 * made ("probe: nested quotes", "grammar", "mutation: truncate"), the input, and the limits it must keep.
 */
public record FuzzCase(String target, int number, String origin, FuzzInput input, Limits limits) {

    /**
     * How long the case may take and how much the heap may grow meanwhile. Issue 16 gives every case 2 s; a
     * bomb bundle must be refused in 1 s and within 50 MB.
     */
    public record Limits(Duration time, long heapGrowthBytes) {

        public static final Limits CASE = new Limits(Duration.ofSeconds(2), Long.MAX_VALUE);
        public static final Limits BOMB = new Limits(Duration.ofSeconds(1), 50L * 1024 * 1024);
    }
}
