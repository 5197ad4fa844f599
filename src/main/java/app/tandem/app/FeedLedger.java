package app.tandem.app;

import app.tandem.conversation.ConversationEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * When each feed row the simulated office wrote was acknowledged (its write's call returned), so that a follower
 * reading the row can say how long after that it saw it; and how many rows each seat wrote, so that a follower can
 * tell at the end whether it missed any.
 */
final class FeedLedger {

    /** A feed row as both sides know it: the writer from what its call returned, the follower from the row. */
    private record Row(long conversationId, ConversationEvent.Kind kind, int messageSeq) {}

    private final Map<Row, Long> acknowledgedAt = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> writtenBySeat = new ConcurrentHashMap<>();
    private final LongAdder written = new LongAdder();

    void acknowledged(String seat, long conversationId, ConversationEvent.Kind kind, int messageSeq, long nanoTime) {
        acknowledgedAt.put(new Row(conversationId, kind, messageSeq), nanoTime);
        writtenBySeat.computeIfAbsent(seat, s -> new LongAdder()).increment();
        written.increment();
    }

    /**
     * How long after its acknowledgement {@code event} was read at {@code readAt}. A follower can read a row
     * before its writer's call has returned (the commit is visible, the reply is still on the wire): that counts as 0.
     */
    long lag(ConversationEvent event, long readAt) {
        Long at = acknowledgedAt.get(new Row(event.conversationId(), event.kind(), event.messageSeq()));
        return at == null ? 0 : Math.max(0, readAt - at);
    }

    /** Rows acknowledged to any writer. */
    long written() {
        return written.sum();
    }

    /** Rows acknowledged to every writer but {@code seat}: what a follower of {@code seat} should have read. */
    long writtenByOthers(String seat) {
        LongAdder own = writtenBySeat.get(seat);
        return written.sum() - (own == null ? 0 : own.sum());
    }
}
