package app.tandem.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;

/**
 * Watches the JavaFX thread for a benchmark: every pulse's distance from the one before (60 Hz: 16.7 ms
 * when nothing blocks), and how long a small task posted every 4 ms waited before the FX thread ran
 * it — the time the thread was busy with something else, which is what an agent feels as a frozen window.
 * Also the FX thread's own CPU time between pulses: on a shared machine a frame's wall time includes
 * waiting for a core, its CPU time is the work the desk itself gave the thread.
 */
public final class FrameWatch {

    /**
     * Figures in milliseconds. {@code longFrames}: pulses more than 33.3 ms apart (at least one frame missed).
     * {@code busiest}: the FX thread's five busiest stretches between pulses, busiest first, as {CPU ms, seconds
     * since watching began}: whether the worst work is the first of its kind (classes loading, code not yet
     * compiled) or comes back all through the run.
     */
    public record Report(int frames, double worstFrame, double p99Frame, int longFrames, int probes, double worstWait,
                         double p99Wait, double worstFrameCpu, double p99FrameCpu, double totalCpu, List<double[]> busiest) {}

    private record PulseCpu(long at, long cpu) {}

    private final List<Long> frameGaps = new ArrayList<>();
    private final List<Long> waits = new ArrayList<>();
    private final List<Long> frameCpu = new ArrayList<>();
    private final List<PulseCpu> pulseCpu = new ArrayList<>();
    private final long started = System.nanoTime();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-probe");
        t.setDaemon(true);
        return t;
    });
    private AnimationTimer pulses;

    /** Starts watching; call from any thread once the FX toolkit runs. */
    public static FrameWatch start() {
        FrameWatch watch = new FrameWatch();
        Platform.runLater(() -> {
            watch.pulses = new AnimationTimer() {
                private long last;
                private long lastCpu;

                @Override
                public void handle(long now) {
                    long cpu = watch.threads.getCurrentThreadCpuTime();
                    if (last != 0) {
                        watch.record(watch.frameGaps, now - last);
                        watch.record(watch.frameCpu, cpu - lastCpu);
                        watch.recordPulse(System.nanoTime(), cpu - lastCpu);
                    }
                    last = now;
                    lastCpu = cpu;
                }
            };
            watch.pulses.start();
        });
        watch.prober.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> watch.record(watch.waits, System.nanoTime() - posted));
        }, 4, 4, TimeUnit.MILLISECONDS);
        return watch;
    }

    private synchronized void record(List<Long> into, long nanos) {
        into.add(nanos);
    }

    private synchronized void recordPulse(long at, long cpu) {
        pulseCpu.add(new PulseCpu(at, cpu));
    }

    /** Stops watching and summarises; blocks until the FX thread has stopped the timer. */
    public Report stop() throws InterruptedException {
        prober.shutdownNow();
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            if (pulses != null) {
                pulses.stop();
            }
            stopped.countDown();
        });
        stopped.await(5, TimeUnit.SECONDS);
        synchronized (this) {
            long[] gaps = frameGaps.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] w = waits.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] cpu = frameCpu.stream().mapToLong(Long::longValue).sorted().toArray();
            int longFrames = (int) Arrays.stream(gaps).filter(g -> g > 33_333_333L).count();
            List<double[]> busiest = pulseCpu.stream().sorted((a, b) -> Long.compare(b.cpu(), a.cpu())).limit(5)
                    .map(p -> new double[] {ms(p.cpu()), (p.at() - started) / 1e9}).toList();
            return new Report(gaps.length, ms(last(gaps)), ms(p99(gaps)), longFrames, w.length, ms(last(w)), ms(p99(w)),
                    ms(last(cpu)), ms(p99(cpu)), ms(Arrays.stream(cpu).sum()), busiest);
        }
    }

    private static long last(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    private static long p99(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
