package app.tandem.app;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code bench office} run: N seats on one engine for some seconds. Latencies are in nanoseconds, from each
 * write's due time to its acknowledgement; feed lag from a write's acknowledgement to another seat's reading it.
 *
 * @param due          writes the schedule asked for before the end
 * @param done         writes acknowledged
 * @param unstarted    writes due that a seat running late never started (counted in the latencies at end − due)
 * @param missed       feed rows acknowledged to one seat that a follower of another never read
 * @param feedCount    the feed's rows from the run against the writes acknowledged (they should be equal)
 * @param claimsLost   claims another seat won first (the loser tried another conversation)
 * @param openedOwn    times a seat found the queue empty and its agent opened a conversation instead
 * @param firstError   the first failure, to say what went wrong when {@code errors} is not 0
 */
public record OfficeRun(String engine, int seats, double turnsPerSecond, Duration length, int due, int done, int unstarted,
                        int errors, Figures writes, Map<OfficeOperation, Figures> byOperation, Figures feedLag,
                        long missed, FeedCount feedCount, int claimsLost, int openedOwn, Optional<String> firstError) {

    /** Issue 17's goal: 50 seats at 1 customer turn/s each, write p99 ≤ 20 ms, feed lag p99 ≤ 2 s. */
    public static final Duration GOAL_WRITE_P99 = Duration.ofMillis(20);
    public static final Duration GOAL_FEED_LAG_P99 = Duration.ofSeconds(2);
    /** Below this share of the due writes done, the server did not keep up whatever its latencies say. */
    private static final double GOAL_DONE_SHARE = 0.99;

    /** Rows the feed holds from the run, read once at its end, and feed writes the writers were told were done. */
    public record FeedCount(long inFeed, long acknowledged) {}

    /** p50, p99 and max of some latencies, in nanoseconds. */
    public record Figures(int count, long p50, long p99, long max) {
        static Figures of(Latencies latencies) {
            return new Figures(latencies.count(), latencies.percentile(0.50), latencies.percentile(0.99), latencies.max());
        }
    }

    public double duePerSecond() {
        return due / (length.toNanos() / 1e9);
    }

    public double donePerSecond() {
        return done / (length.toNanos() / 1e9);
    }

    /** Whether this run meets the goal's latencies with every due write done and none failed. */
    public boolean keepsUp() {
        return writes.p99() <= GOAL_WRITE_P99.toNanos() && feedLag.count() > 0 && feedLag.p99() <= GOAL_FEED_LAG_P99.toNanos()
                && done >= GOAL_DONE_SHARE * due && errors == 0;
    }
}
