package app.tandem.conversation;

import app.tandem.work.LateChanges;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Reads the office's conversation feed from where it stood when the reader was made, each row once, in number
 * order, including a row that commits after a higher-numbered one was read (numbers are taken at insert, not at
 * commit: see {@link LateChanges}).
 */
public final class FeedReader {

    /** Rows read per query; a reader that fell far behind reads several pages in one go. */
    static final int PAGE = 500;

    private final ConversationRepository conversations;
    private final LateChanges late;
    private final int page;
    /** The highest number read so far. */
    private long mark;

    public FeedReader(ConversationRepository conversations) {
        this(conversations, System::nanoTime, PAGE);
    }

    FeedReader(ConversationRepository conversations, LongSupplier nanoTime, int page) {
        this.conversations = conversations;
        this.late = new LateChanges(nanoTime);
        this.page = page;
        this.mark = conversations.lastEventSeq();
    }

    /** Hands {@code each} every row not handed before; one query when nothing changed. Returns how many. */
    public synchronized int readNew(Consumer<ConversationEvent> each) {
        long from = late.readFrom(mark);
        if (from == mark && conversations.lastEventSeq() <= mark) {
            return 0;
        }
        int handed = 0;
        long after = from;
        List<ConversationEvent> read;
        do {
            read = conversations.eventsAfter(after, page);
            for (ConversationEvent event : late.unapplied(read, ConversationEvent::seq)) {
                // Noted before it is handed on: one that throws must not have the row handed on twice.
                late.applied(List.of(event), ConversationEvent::seq);
                each.accept(event);
                handed++;
            }
            if (!read.isEmpty()) {
                after = read.get(read.size() - 1).seq();
                mark = Math.max(mark, after);
            }
        } while (read.size() == page);
        return handed;
    }
}
