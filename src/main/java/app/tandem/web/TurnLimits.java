package app.tandem.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * How often one session, and one network address, may send a turn: at most {@link #PER_SECOND} in any second and
 * {@link #PER_MINUTE} in any minute. A person typing never reaches either; a script flooding the queue does.
 */
final class TurnLimits {

    static final int PER_SECOND = 5;
    static final int PER_MINUTE = 60;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;

    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> sent = new ConcurrentHashMap<>();

    TurnLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** True, and the turn counted, when every key is under its limits; false (nothing counted) otherwise. */
    boolean allow(String... keys) {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            for (String key : keys) {
                Deque<Long> times = sent.computeIfAbsent(key, k -> new ArrayDeque<>());
                while (!times.isEmpty() && now - times.peekFirst() >= MINUTE) {
                    times.pollFirst();
                }
                long lastSecond = times.stream().filter(t -> now - t < SECOND).count();
                if (times.size() >= PER_MINUTE || lastSecond >= PER_SECOND) {
                    return false;
                }
            }
            for (String key : keys) {
                sent.get(key).addLast(now);
            }
            // Keys whose newest turn is a minute old are dropped, so the map does not grow with every visitor.
            sent.values().removeIf(times -> now - times.peekLast() >= MINUTE);
            return true;
        }
    }
}
