package app.tandem.work;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Which rows of a numbered feed in the office database (the knowledge base's changes, the conversations' events)
 * a seat following it still has to take. A transaction in another process takes its number when it writes and
 * becomes visible when it commits, so a lower number can appear after a higher one was already seen. The rows
 * numbered after the mark of {@link #WINDOW} ago are therefore read again, and those already taken are skipped.
 * A stretch read without a hole cannot gain a late row, so its older marks are let go at once: a feed read in
 * order re-reads nothing.
 */
public final class LateChanges {

    /** Far longer than a change's transaction stays open (one article's save), short enough to keep the re-read small. */
    public static final Duration WINDOW = Duration.ofSeconds(10);

    private final LongSupplier nanoTime;
    /** {nanoTime, mark}: each mark the follower had within the window, oldest first. */
    private final Deque<long[]> marks = new ArrayDeque<>();
    private final Set<Long> applied = new HashSet<>();

    public LateChanges(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The number to read after, given the follower's {@code mark} now: the lowest mark it had within the window
     * that still has a hole above it, as a row numbered in that hole may have committed since.
     */
    public long readFrom(long mark) {
        long now = nanoTime.getAsLong();
        while (!marks.isEmpty() && now - marks.peekFirst()[0] > WINDOW.toNanos()) {
            marks.removeFirst();
        }
        if (marks.isEmpty() || marks.peekLast()[1] != mark) {
            marks.addLast(new long[] {now, mark});
        }
        while (marks.size() > 1 && noHoleAbove(marks.peekFirst()[1])) {
            marks.removeFirst();
        }
        long from = marks.peekFirst()[1];
        applied.removeIf(seq -> seq <= from);
        return from;
    }

    /** Whether every number from {@code mark} up to the next mark was taken (stops at the first one missing). */
    private boolean noHoleAbove(long mark) {
        long next = marks.stream().skip(1).findFirst().orElseThrow()[1];
        for (long seq = mark + 1; seq <= next; seq++) {
            if (!applied.contains(seq)) {
                return false;
            }
        }
        return true;
    }

    /** The rows of {@code read} not taken yet. */
    public <T> List<T> unapplied(List<T> read, ToLongFunction<T> seq) {
        return read.stream().filter(row -> !applied.contains(seq.applyAsLong(row))).toList();
    }

    /** Notes that {@code rows} are taken. */
    public <T> void applied(List<T> rows, ToLongFunction<T> seq) {
        rows.forEach(row -> applied.add(seq.applyAsLong(row)));
    }
}
