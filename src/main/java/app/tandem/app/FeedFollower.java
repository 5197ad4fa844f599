package app.tandem.app;

import app.tandem.conversation.FeedReader;
import app.tandem.conversation.ConversationRepository;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * A seat following the office's conversation feed as the desk does ({@link FeedReader}, as ConversationFeed reads
 * it): every 200-500 ms it reads the new rows, including one committed after a higher-numbered one was read. For each
 * row another seat wrote it records how long after the write's acknowledgement it read it.
 */
final class FeedFollower extends Thread {

    private static final long MIN_POLL_NANOS = 200_000_000L;
    private static final long POLL_SPREAD_NANOS = 300_000_000L;

    private final FeedReader feed;
    private final String seat;
    private final FeedLedger ledger;
    private final Random random;
    private final long deadline;
    private final Latencies lags = new Latencies();
    private volatile boolean writersDone;
    private long readFromOthers;
    private int errors;

    FeedFollower(ConversationRepository feed, String seat, FeedLedger ledger, long seed, long deadline) {
        super(seat + "-feed");
        setDaemon(true);
        this.feed = new FeedReader(feed);
        this.seat = seat;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.deadline = deadline;
    }

    @Override
    public void run() {
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(MIN_POLL_NANOS + (long) (random.nextDouble() * POLL_SPREAD_NANOS));
            readNew();
        }
        while (!writersDone) {
            LockSupport.parkNanos(MIN_POLL_NANOS);
        }
        // One last read once every write has returned: whatever the feed still does not show was missed for good.
        readNew();
    }

    /** Called once every writer has stopped: the follower makes its last read and ends. */
    void writersDone() {
        writersDone = true;
    }

    private void readNew() {
        try {
            feed.readNew(event -> {
                if (!event.seat().equals(seat)) {
                    readFromOthers++;
                    lags.add(ledger.lag(event, System.nanoTime()));
                }
            });
        } catch (RuntimeException e) {
            errors++;
        }
    }

    Latencies lags() {
        return lags;
    }

    /** Rows other seats had acknowledged that this follower never read (after {@link #writersDone} and the join). */
    long missed() {
        return Math.max(0, ledger.writtenByOthers(seat) - readFromOthers);
    }

    int errors() {
        return errors;
    }
}
