package app.tandem.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * One writer's writes on a schedule fixed in advance (open loop): each write's latency runs from the moment it
 * was due, not from when the writer got round to it, so a server that falls behind shows as latency instead of
 * quietly lowering the rate (coordinated omission). Writes still due when the run ends count at least
 * {@code end − due}. One thread owns an instance.
 */
final class PacedWrites {

    private final long deadline;
    private final Map<OfficeOperation, Latencies> latencies = new EnumMap<>(OfficeOperation.class);
    private int due;
    private int done;
    private int unstarted;
    private int errors;
    private Optional<String> firstError = Optional.empty();

    PacedWrites(long deadline) {
        this.deadline = deadline;
        for (OfficeOperation op : OfficeOperation.values()) {
            latencies.put(op, new Latencies());
        }
    }

    /** False when {@code dueAt} is past the run's end: the writer stops there. */
    boolean inRun(long dueAt) {
        return dueAt < deadline;
    }

    /** True once the run's end has passed: every write still due is unstarted. */
    boolean ended() {
        return System.nanoTime() >= deadline;
    }

    /** Waits until {@code dueAt}, then writes; true when the write succeeded. */
    boolean write(OfficeOperation op, long dueAt, Runnable write) {
        due++;
        long now;
        while ((now = System.nanoTime()) < dueAt) {
            LockSupport.parkNanos(dueAt - now);
        }
        if (now >= deadline) {
            unstarted++;
            latencies.get(op).add(deadline - dueAt);
            return false;
        }
        try {
            write.run();
            latencies.get(op).add(System.nanoTime() - dueAt);
            done++;
            return true;
        } catch (RuntimeException e) {
            errors++;
            if (firstError.isEmpty()) {
                firstError = Optional.of(op + ": " + e);
            }
            return false;
        }
    }

    Latencies latencies(OfficeOperation op) {
        return latencies.get(op);
    }

    int due() {
        return due;
    }

    int done() {
        return done;
    }

    /** Writes due before the end that the writer, running late, never started. */
    int unstarted() {
        return unstarted;
    }

    int errors() {
        return errors;
    }

    Optional<String> firstError() {
        return firstError;
    }
}
