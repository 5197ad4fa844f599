package app.tandem.app.cli;

import app.tandem.ml.train.EpochStats;
import app.tandem.ml.train.TrainingMonitor;
import app.tandem.ml.train.TrainingNote;
import app.tandem.ml.train.TrainingPhase;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Training progress as a text bar on standard error, and Ctrl+C as a cancel: the shutdown hook asks
 * the run to stop and waits (up to a minute) until it has cleaned up, so the current model is untouched.
 */
final class CliTrainingMonitor implements TrainingMonitor, AutoCloseable {

    private final TextProgress bar = TextProgress.onStandardError();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private final boolean verbose;
    private String phase = "";

    CliTrainingMonitor(boolean verbose) {
        this.verbose = verbose;
        hook = new Thread(() -> {
            cancelled.set(true);
            System.err.println("\nCancelling: the current model stays as it is…");
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tandem-train-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void progress(TrainingPhase step, long done, long total) {
        String phase = step.english();
        if (!phase.equals(this.phase) && !this.phase.isEmpty()) {
            System.err.println();
        }
        this.phase = phase;
        bar.update(Math.min(done, total), total, phase);
    }

    @Override
    public void epoch(EpochStats s) {
        if (verbose) {
            System.err.printf(Locale.ROOT, "%n  epoch %d step %d: train loss %.4f, validation loss %.4f, accuracy %.4f%n",
                    s.epoch(), s.step(), s.trainLoss(), s.validationLoss(), s.validationAccuracy());
        }
    }

    @Override
    public void note(TrainingNote note) {
        System.err.println("\n" + note.english());
    }

    @Override
    public boolean cancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and has just been released
        }
    }
}
