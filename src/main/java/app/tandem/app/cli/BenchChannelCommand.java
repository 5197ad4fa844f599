package app.tandem.app.cli;

import app.tandem.app.ChannelBench;
import app.tandem.app.ChannelRun;
import app.tandem.app.Latencies;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem bench channel}: issue 18's web chat load test. Customer sessions on loopback and one simulated agent
 * over a scratch H2 data folder, removed afterwards; prints delivery times both ways and what was lost or doubled.
 */
@Command(name = "channel", mixinStandardHelpOptions = true,
        description = {"Serves the customer web chat on loopback over a scratch data folder (removed afterwards); N customer",
                "sessions, each with its own cookie and event stream, send a turn on a schedule while one simulated agent",
                "answers every turn. Prints customer->desk and agent->customer delivery p50/p99, turns lost or doubled,",
                "and this process's CPU and heap (server and simulated customers together)."})
public final class BenchChannelCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(names = "--sessions", defaultValue = "200", description = "Concurrent customer sessions (default ${DEFAULT-VALUE})")
    int sessions;

    @Option(names = "--turn-every-s", defaultValue = "2", description = "Seconds between one customer's turns (default ${DEFAULT-VALUE})")
    double turnEverySeconds;

    @Option(names = "--seconds", defaultValue = "60", description = "Length of the run (default ${DEFAULT-VALUE})")
    int seconds;

    public BenchChannelCommand() {
        this(System.out);
    }

    public BenchChannelCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (sessions < 1 || sessions > 60_000 || turnEverySeconds <= 0 || seconds < 1) {
            throw new IllegalArgumentException("--sessions must be 1 to 60000, --turn-every-s above 0, --seconds at least 1.");
        }
        out.printf(Locale.ROOT, "Channel bench: %d customer sessions, a turn every %s s each, %d s, one agent%n",
                sessions, turnEverySeconds, seconds);
        out.printf(Locale.ROOT, "Machine: %d cores, Java %s, load average at start %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
        ChannelRun run = ChannelBench.run(new ChannelBench.Options(sessions,
                Duration.ofMillis(Math.round(turnEverySeconds * 1000)), Duration.ofSeconds(seconds)), stage -> out.println("  " + stage));
        out.println();
        out.println("direction         delivered   p50 ms   p99 ms   max ms   lost  doubled  failed");
        row("customer -> desk", run.toDesk(), run.turnsLost(), run.turnsDoubled(), run.turnErrors());
        row("agent -> customer", run.toCustomer(), run.repliesLost(), run.repliesDoubled(), run.replyErrors());
        out.printf(Locale.ROOT, "turns stored %d, refused by the rate limit %d; replies sent %d; %.1f s%n",
                run.turnsStored(), run.turnsRefused(), run.repliesSent(), run.seconds());
        out.printf(Locale.ROOT, "process CPU %.0f %% of %d cores, heap used at most %d MiB%n", run.cpuPercent(),
                Runtime.getRuntime().availableProcessors(), run.heapPeakBytes() >> 20);
        out.printf(Locale.ROOT, "goal (nothing lost or doubled, p99 <= %d ms both ways): %s%n",
                ChannelRun.GOAL_P99_NANOS / 1_000_000, run.meetsGoal() ? "met" : "not met");
        return 0;
    }

    private void row(String direction, Latencies times, int lost, int doubled, int failed) {
        out.printf(Locale.ROOT, "%-17s %9d %8.1f %8.1f %8.1f %6d %8d %7d%n", direction, times.count(),
                times.percentile(0.5) / 1e6, times.percentile(0.99) / 1e6, times.max() / 1e6, lost, doubled, failed);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
