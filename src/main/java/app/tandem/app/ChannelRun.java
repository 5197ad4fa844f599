package app.tandem.app;

/**
 * One {@code tandem bench channel} run. Delivery times are in nanoseconds; "lost" counts turns one side was told
 * were stored or sent and the other side never received, "doubled" those it received more than once.
 *
 * @param turnsStored   customer turns the chat answered 201 (stored)
 * @param turnsRefused  customer turns refused by the rate limit (429)
 * @param turnErrors    customer turns that failed on the server (5xx) or the connection, after one retry
 * @param repliesSent   agent replies {@code sendFromAgent} stored
 * @param replyErrors   agent replies that failed to store, after retries
 * @param cpuPercent    this process's CPU time over the run, as a share of all cores (server and simulated clients)
 * @param heapPeakBytes the most heap used at any one-second sample
 */
public record ChannelRun(int sessions, double seconds, Latencies toDesk, Latencies toCustomer,
                         int turnsStored, int turnsRefused, int turnErrors, int turnsLost, int turnsDoubled,
                         int repliesSent, int replyErrors, int repliesLost, int repliesDoubled,
                         double cpuPercent, long heapPeakBytes) {

    /** The goal for both directions on this machine. */
    public static final long GOAL_P99_NANOS = 200_000_000L;

    public boolean meetsGoal() {
        return turnsLost == 0 && turnsDoubled == 0 && repliesLost == 0 && repliesDoubled == 0
                && toDesk.percentile(0.99) <= GOAL_P99_NANOS && toCustomer.percentile(0.99) <= GOAL_P99_NANOS;
    }
}
