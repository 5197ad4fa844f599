package app.tandem.app;

import app.tandem.conversation.Channel;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationRepository;
import app.tandem.store.JdbcConversationRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import javax.sql.DataSource;

/**
 * Where the simulated office's customers come from: opens conversations that wait in the queue, on schedule, as
 * fast as the seats close theirs, so a seat that finishes one always finds another to claim.
 */
final class OfficeChannel extends Thread {

    static final String SEAT = "channel";

    private final ConversationRepository conversations;
    private final WaitingConversations waiting;
    private final FeedLedger ledger;
    private final Random random;
    private final long start;
    private final long intervalNanos;
    private final PacedWrites paced;
    private int opened;

    OfficeChannel(DataSource office, WaitingConversations waiting, FeedLedger ledger, long seed, double opensPerSecond,
                  long start, long deadline) {
        super("office-channel");
        setDaemon(true);
        this.conversations = new JdbcConversationRepository(office, SEAT);
        this.waiting = waiting;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.start = start;
        this.intervalNanos = (long) (1e9 / opensPerSecond);
        this.paced = new PacedWrites(deadline);
    }

    /** Before the run, unmeasured: enough waiting conversations for every seat's first claim. */
    void stock(int count) {
        for (int i = 0; i < count; i++) {
            waiting.add(open());
        }
    }

    @Override
    public void run() {
        for (int i = 0; ; i++) {
            // Arrivals are spread ±half an interval around their slot: customers do not come on the beat.
            long due = start + i * intervalNanos + (long) ((random.nextDouble() - 0.5) * intervalNanos);
            if (!paced.inRun(due)) {
                return;
            }
            paced.write(OfficeOperation.OPEN, due, () -> {
                long id = open();
                ledger.acknowledged(SEAT, id, ConversationEvent.Kind.OPENED, 0, System.nanoTime());
                waiting.add(id);
            });
        }
    }

    private long open() {
        opened++;
        return conversations.create(Optional.empty(), Channel.CHAT, "Customer " + opened, Instant.now()).id();
    }

    PacedWrites paced() {
        return paced;
    }
}
