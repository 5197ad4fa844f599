package app.tandem.kb;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Which rows of the change feed a seat following the office database still has to apply. A transaction in
 * another process takes its change number when it writes and becomes visible when it commits, so a lower
 * number can appear after a higher one was already seen. The rows numbered after the mark of {@link #WINDOW}
 * ago are therefore read again, and those already applied are skipped.
 */
final class LateChanges {

    /** Far longer than a change's transaction stays open (one article's save), short enough to keep the re-read small. */
    static final Duration WINDOW = Duration.ofSeconds(10);

    private final LongSupplier nanoTime;
    /** {nanoTime, mark}: each mark the index had within the window, oldest first. */
    private final Deque<long[]> marks = new ArrayDeque<>();
    private final Set<Long> applied = new HashSet<>();

    LateChanges(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The change number to read after, given the index's {@code mark} now: the lowest mark the index had within
     * the window, as a change numbered just above it may have committed since.
     */
    long readFrom(long mark) {
        long now = nanoTime.getAsLong();
        while (!marks.isEmpty() && now - marks.peekFirst()[0] > WINDOW.toNanos()) {
            marks.removeFirst();
        }
        if (marks.isEmpty() || marks.peekLast()[1] != mark) {
            marks.addLast(new long[] {now, mark});
        }
        long from = marks.peekFirst()[1];
        applied.removeIf(seq -> seq <= from);
        return from;
    }

    /** The rows of {@code read} not applied yet. */
    List<KbChange> unapplied(List<KbChange> read) {
        return read.stream().filter(c -> !applied.contains(c.seq())).toList();
    }

    /** Notes that {@code changes} are in the index. */
    void applied(List<KbChange> changes) {
        changes.forEach(c -> applied.add(c.seq()));
    }
}
