package app.tandem.conversation;

import app.tandem.work.LateChanges;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A seat following the office's conversation feed (issue 17): what other seats did to conversations (a customer's
 * turn, a claim, a transfer with its note, a close) is told to this seat's listeners, as if it had happened here.
 * It starts at the feed's end when the seat starts, because the desk loads the queue as it is then.
 */
public final class ConversationFeed {

    /** Rows read per query; a seat that fell far behind reads several pages in one follow. */
    private static final int PAGE = 500;

    private final ConversationRepository conversations;
    private final ConversationService service;
    private final String seat;
    private final LateChanges late;
    private final int page;
    /** The highest number read so far. */
    private long mark;

    /** {@code seat}: the name this process writes its own rows under (its listeners were told of those already). */
    public ConversationFeed(ConversationRepository conversations, ConversationService service, String seat) {
        this(conversations, service, seat, System::nanoTime, PAGE);
    }

    ConversationFeed(ConversationRepository conversations, ConversationService service, String seat, LongSupplier nanoTime,
                     int page) {
        this.conversations = conversations;
        this.service = service;
        this.seat = seat;
        this.late = new LateChanges(nanoTime);
        this.page = page;
        this.mark = conversations.lastEventSeq();
    }

    /**
     * Tells this seat's listeners what other seats did since the last follow; called every half second or so. One
     * query when nothing changed. Returns how many rows were replayed.
     */
    public synchronized int follow() {
        long from = late.readFrom(mark);
        if (from == mark && conversations.lastEventSeq() <= mark) {
            return 0;
        }
        int replayed = 0;
        long after = from;
        List<ConversationEvent> read;
        do {
            read = conversations.eventsAfter(after, page);
            for (ConversationEvent event : late.unapplied(read, ConversationEvent::seq)) {
                // Noted before it is told: a listener that throws must not have the row told to everyone twice.
                late.applied(List.of(event), ConversationEvent::seq);
                if (!event.seat().equals(seat)) {
                    service.replay(event);
                    replayed++;
                }
            }
            if (!read.isEmpty()) {
                after = read.get(read.size() - 1).seq();
                mark = Math.max(mark, after);
            }
        } while (read.size() == page);
        return replayed;
    }
}
