package app.tandem.eval.fuzz;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16's fuzz harness: runs generated and fixed cases through each of Tandem's entry points for outside
 * input and sorts every case into ACCEPTED, REFUSED or FAILED.
 *
 * <p>Why not jqwik or Jazzer (CONVENTIONS.md names both): this must be a product command an office runs on its
 * own machine ({@code tandem bench fuzz}), printing figures, inside a 512 MB heap, with no test engine or
 * instrumenting agent; and a case must be remade from two numbers. A seeded {@link java.util.Random} per case
 * (from the run's seed, the target and the case number) gives that with no new dependency.
 *
 * <p>Each case runs on a thread of its own and is waited for no longer than its limit: a case past it is a
 * failure, its thread is interrupted and left behind (a daemon). When too many are left running, the run
 * stops rather than measure a machine they are busy on.
 */
public final class FuzzHarness {

    /** A target by name, opened only when its turn comes (a store per target, set up once). */
    public record TargetSpec(String name, Supplier<FuzzTarget> open) {}

    /**
     * @param cases      all cases of the run, shared evenly among the targets
     * @param onlyCase   run just this case number of each target (to remake a failure)
     * @param out        where failing inputs are written
     * @param timeFactor stretches every case's time limit: 1 for issue 16's figures; a test on a machine shared
     *                   with other builds checks what the cases do, and leaves their speed to the full run
     */
    public record Options(int cases, long seed, OptionalInt onlyCase, Path out, double timeFactor) {

        public Options(int cases, long seed, OptionalInt onlyCase, Path out) {
            this(cases, seed, onlyCase, out, 1);
        }
    }

    /** Told as the run goes, for a command to print progress. */
    public interface Listener {
        void targetDone(FuzzReport.TargetFigures figures);

        default void failed(FuzzReport.Failure failure) {}
    }

    /** Cases left running past their limit before the run stops. */
    static final int MAX_STUCK = 4;
    /** How long a case past its limit is given to stop once interrupted. */
    static final long AFTER_INTERRUPT_MILLIS = 5_000;
    /** Failures listed per target (all are counted); their inputs are written. */
    static final int LISTED_FAILURES = 10;

    private static final Logger log = LoggerFactory.getLogger(FuzzHarness.class);

    private final Options options;
    private final Listener listener;
    private final List<Thread> stuck = new ArrayList<>();
    private long peakHeapUsed;

    public FuzzHarness(Options options, Listener listener) {
        this.options = options;
        this.listener = listener;
    }

    public FuzzReport run(List<TargetSpec> targets) {
        List<FuzzReport.TargetFigures> figures = new ArrayList<>();
        Optional<String> stopped = Optional.empty();
        for (int t = 0; t < targets.size() && stopped.isEmpty(); t++) {
            TargetSpec spec = targets.get(t);
            int count = options.cases() / targets.size() + (t < options.cases() % targets.size() ? 1 : 0);
            Tally tally = new Tally(spec.name());
            try (FuzzTarget target = spec.open().get()) {
                tally.refuses = target.refuses();
                if (options.onlyCase().isPresent()) {
                    runCase(target, options.onlyCase().getAsInt(), tally);
                } else {
                    for (int n = 0; n < Math.max(1, count) && stopped.isEmpty(); n++) {
                        try {
                            runCase(target, n, tally);
                            stopped = tooManyStuck();
                        } catch (OutOfMemoryError | RuntimeException e) {
                            // Only the harness's own work gets here (making a case, starting Tandem again, saving an
                            // input): every case's own throwable is judged on its thread. Most likely a case left running
                            // holds the heap; stop, and say so.
                            stuck.removeIf(s -> !s.isAlive());
                            stopped = Optional.of("the run stopped before " + target.name() + " case " + n + " (" + Refusals.describe(e)
                                    + ") while " + stuck.size() + " cases left running were still at work.");
                        }
                    }
                }
            }
            FuzzReport.TargetFigures done = tally.figures();
            figures.add(done);
            listener.targetDone(done);
        }
        return new FuzzReport(options.seed(), figures, stopped, peakHeapUsed);
    }

    /** The random source of one case: the same seed, target and number always make the same case. */
    static Random random(long seed, String target, int number) {
        long mixed = seed * 0x9E3779B97F4A7C15L + target.hashCode() * 0xBF58476D1CE4E5B9L + number * 0x94D049BB133111EBL;
        return new Random(mixed);
    }

    private void runCase(FuzzTarget target, int number, Tally tally) {
        FuzzCase c = target.generate(number, random(options.seed(), target.name(), number));
        target.prepare();
        AtomicLong allocated = new AtomicLong();
        FutureTask<Outcome> task = new FutureTask<>(() -> {
            long before = allocatedBytes();
            try {
                return judged(target, c.input());
            } finally {
                allocated.set(allocatedBytes() - before);
            }
        });
        Thread worker = new Thread(task, "fuzz-" + c.target() + "-" + number);
        worker.setDaemon(true);
        long start = System.nanoTime();
        worker.start();
        Outcome outcome;
        long limit = Math.round(c.limits().time().toMillis() * options.timeFactor());
        try {
            outcome = task.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Interrupted, most cases stop at their next read or write (an interruptible channel closes); waiting a
            // little for that gives the heap they hold back before the next case, and a fresh Tandem, need it.
            worker.interrupt();
            joinQuietly(worker, AFTER_INTERRUPT_MILLIS);
            if (worker.isAlive()) {
                stuck.add(worker);
            }
            target.recover();
            outcome = Outcome.failed("still running after " + limit + " ms (left running)");
        } catch (ExecutionException e) {
            outcome = Outcome.failed(Refusals.describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The fuzz run was interrupted", e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (outcome.verdict() != Verdict.FAILED && millis > limit) {
            outcome = Outcome.failed("took " + millis + " ms; the limit is " + limit + " ms (" + outcome.verdict() + ")");
        }
        if (outcome.verdict() != Verdict.FAILED && allocated.get() > c.limits().heapGrowthBytes()) {
            outcome = Outcome.failed("allocated " + allocated.get() / (1024 * 1024) + " MB; the limit is "
                    + c.limits().heapGrowthBytes() / (1024 * 1024) + " MB (" + outcome.verdict() + ")");
        }
        tally.add(c, outcome, millis, allocated.get());
        peakHeapUsed = Math.max(peakHeapUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        if (outcome.verdict() == Verdict.FAILED) {
            FuzzReport.Failure failure = new FuzzReport.Failure(c.target(), number, c.origin(), outcome.detail(),
                    tally.listed() < LISTED_FAILURES ? save(c, outcome) : Optional.empty());
            tally.fail(failure);
            listener.failed(failure);
        }
    }

    private static void joinQuietly(Thread worker, long millis) {
        try {
            worker.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Outcome judged(FuzzTarget target, FuzzInput input) {
        try {
            return target.run(input);
        } catch (Throwable t) { // out of memory and stack overflow too: here they are findings, not reasons to stop
            return Refusals.isRefusal(t) ? Refusals.of(t) : Outcome.failed(Refusals.describe(t));
        }
    }

    private Optional<String> tooManyStuck() {
        stuck.removeIf(t -> !t.isAlive());
        if (stuck.size() < MAX_STUCK) {
            return Optional.empty();
        }
        return Optional.of(stuck.size() + " cases are still running past their limit ("
                + String.join(", ", stuck.stream().map(Thread::getName).toList())
                + "): the run stopped so that they do not slow the cases after them.");
    }

    private Optional<Path> save(FuzzCase c, Outcome outcome) {
        Path folder = options.out().resolve(c.target()).resolve("case-" + c.number());
        try {
            c.input().saveTo(folder);
            Files.writeString(folder.resolve("case.txt"), "target: " + c.target() + "\ncase: " + c.number() + "\nseed: "
                    + options.seed() + "\norigin: " + c.origin() + "\nwhy: " + outcome.detail() + "\nreplay: tandem bench fuzz --seed "
                    + options.seed() + " --target " + c.target() + " --case " + c.number() + "\n", StandardCharsets.UTF_8);
            return Optional.of(folder);
        } catch (IOException e) {
            log.warn("Could not write the input of {} case {}: {}", c.target(), c.number(), e.toString());
            return Optional.empty();
        }
    }

    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return 0;
    }

    /** The figures of one target as its cases come in. */
    private static final class Tally {

        private final String name;
        private boolean refuses = true;
        private int cases;
        private int accepted;
        private int refused;
        private int failed;
        private long slowestMillis = -1;
        private int slowestCase;
        private long mostAllocated;
        private final List<FuzzReport.Failure> failures = new ArrayList<>();

        Tally(String name) {
            this.name = name;
        }

        void add(FuzzCase c, Outcome outcome, long millis, long allocated) {
            cases++;
            switch (outcome.verdict()) {
                case ACCEPTED -> accepted++;
                case REFUSED -> refused++;
                case FAILED -> failed++;
            }
            if (millis > slowestMillis) {
                slowestMillis = millis;
                slowestCase = c.number();
            }
            mostAllocated = Math.max(mostAllocated, allocated);
        }

        int listed() {
            return failures.size();
        }

        void fail(FuzzReport.Failure failure) {
            if (failures.size() < LISTED_FAILURES) {
                failures.add(failure);
            }
        }

        FuzzReport.TargetFigures figures() {
            return new FuzzReport.TargetFigures(name, refuses, cases, accepted, refused, failed, Math.max(0, slowestMillis), slowestCase,
                    mostAllocated, failures);
        }
    }
}
