package app.tandem.app;

import java.util.Arrays;

/**
 * Durations in nanoseconds, kept whole so that percentiles are exact: a bench run holds a few million at most.
 * One owner thread adds; {@link #merge} combines the owners' samples once they have stopped.
 */
public final class Latencies {

    private long[] samples = new long[256];
    private int size;
    private boolean sorted = true;

    public void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
        sorted = false;
    }

    public static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            all.addAll(part);
        }
        return all;
    }

    void addAll(Latencies other) {
        if (size + other.size > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(size + other.size, samples.length * 2));
        }
        System.arraycopy(other.samples, 0, samples, size, other.size);
        size += other.size;
        sorted = false;
    }

    public int count() {
        return size;
    }

    /** The value at {@code p} (0..1) by the nearest-rank rule; 0 when there are no samples. */
    public long percentile(double p) {
        if (size == 0) {
            return 0;
        }
        if (!sorted) {
            Arrays.sort(samples, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(p * size);
        return samples[Math.max(0, Math.min(size - 1, rank - 1))];
    }

    public long max() {
        return percentile(1.0);
    }
}
