package app.tandem.ui.common;

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
import javafx.scene.Scene;

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
     * since watching began, of which CSS and layout ms}: whether the worst work is the first of its kind (classes
     * loading, code not yet compiled) or comes back all through the run, and whether it is the desk's own handlers
     * (building nodes) or the scene's CSS and layout pass over them. With a scene to watch, a stretch runs from
     * one layout pass's end to the next one's, so the handlers and the pass they cause count together.
     */
    public record Report(int frames, double worstFrame, double p99Frame, int longFrames, int probes, double worstWait,
                         double p99Wait, double worstFrameCpu, double p99FrameCpu, double totalCpu, List<double[]> busiest) {}

    private record PulseCpu(long at, long cpu, long layoutCpu) {}

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

    private Scene scene;
    private Runnable beforeLayout;
    private Runnable afterLayout;

    /** Starts watching; call from any thread once the FX toolkit runs. */
    public static FrameWatch start() {
        return start(null);
    }

    /**
     * Starts watching, and with a scene also splits the FX thread's CPU at the scene's layout pass: from one
     * pass's end to the next pass's start the thread runs input and posted handlers, between start and end
     * it runs CSS and layout.
     */
    public static FrameWatch start(Scene scene) {
        FrameWatch watch = new FrameWatch();
        Platform.runLater(() -> {
            if (scene != null) {
                watch.watchLayout(scene);
            }
            watch.pulses = new AnimationTimer() {
                private long last;
                private long lastCpu;

                @Override
                public void handle(long now) {
                    long cpu = watch.threads.getCurrentThreadCpuTime();
                    if (last != 0) {
                        watch.record(watch.frameGaps, now - last);
                        if (watch.scene == null) {
                            watch.record(watch.frameCpu, cpu - lastCpu);
                            watch.recordPulse(System.nanoTime(), cpu - lastCpu, 0);
                        }
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

    private void watchLayout(Scene watched) {
        scene = watched;
        long[] marks = new long[2]; // CPU at the last pass's end, and at this pass's start
        beforeLayout = () -> marks[1] = threads.getCurrentThreadCpuTime();
        afterLayout = () -> {
            long cpu = threads.getCurrentThreadCpuTime();
            if (marks[0] != 0) {
                record(frameCpu, cpu - marks[0]);
                recordPulse(System.nanoTime(), cpu - marks[0], cpu - marks[1]);
            }
            marks[0] = cpu;
        };
        scene.addPreLayoutPulseListener(beforeLayout);
        scene.addPostLayoutPulseListener(afterLayout);
    }

    private synchronized void record(List<Long> into, long nanos) {
        into.add(nanos);
    }

    private synchronized void recordPulse(long at, long cpu, long layoutCpu) {
        pulseCpu.add(new PulseCpu(at, cpu, layoutCpu));
    }

    /** Stops watching and summarises; blocks until the FX thread has stopped the timer. */
    public Report stop() throws InterruptedException {
        prober.shutdownNow();
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            if (pulses != null) {
                pulses.stop();
            }
            if (scene != null) {
                scene.removePreLayoutPulseListener(beforeLayout);
                scene.removePostLayoutPulseListener(afterLayout);
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
                    .map(p -> new double[] {ms(p.cpu()), (p.at() - started) / 1e9, ms(p.layoutCpu())}).toList();
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
