package app.tandem.app.cli;

import app.tandem.app.H2OfficeEngine;
import app.tandem.app.OfficeBench;
import app.tandem.app.OfficeEngine;
import app.tandem.app.OfficeOperation;
import app.tandem.app.OfficeRun;
import app.tandem.app.PostgresOfficeEngine;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem bench office}: issue 17's office load test. Simulated seats write to one office database on
 * loopback; one table per engine, a row per seat count, and whether each engine meets the goal.
 */
@Command(name = "office", mixinStandardHelpOptions = true,
        description = {"Simulated seats (no models), each with its own connection pool, write customer turns, suggestion",
                "logs, replies, claims and closes on a schedule to one office database and follow its feed; prints write",
                "latency (from each write's due time) and feed lag per seat count and engine.",
                "H2: a scratch office server on loopback, removed afterwards. PostgreSQL: an empty database on loopback",
                "(--postgres), user and password from TANDEM_DB_USER and TANDEM_DB_PASSWORD; its rows stay there."})
public final class BenchOfficeCommand implements Callable<Integer> {

    /** The goal is stated for this many seats at one turn per second. */
    private static final int GOAL_SEATS = 50;

    private final PrintStream out;

    @Option(names = "--seats", split = ",", defaultValue = "10,50,200", description = "Seat counts, one run each (default ${DEFAULT-VALUE})")
    List<Integer> seats;

    @Option(names = "--turn-rate", defaultValue = "1", description = "Customer turns per second per seat (default ${DEFAULT-VALUE})")
    double turnRate;

    @Option(names = "--seconds", defaultValue = "20", description = "Length of each run (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "20",
            description = "An unmeasured run of the first seat count before each engine's runs (default ${DEFAULT-VALUE}): "
                    + "an office server runs for days, so its JIT has compiled the write path long before; on 2 cores "
                    + "a cold JVM's compiler alone takes most of one core for the first 10-20 s")
    int warmupSeconds;

    @Option(names = "--engine", split = ",", defaultValue = "h2", description = "h2, postgresql or both (default ${DEFAULT-VALUE})")
    List<String> engines;

    @Option(names = "--postgres", description = "jdbc:postgresql://127.0.0.1:PORT/DATABASE: an empty database on loopback")
    String postgres;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed for the schedule's jitter (default ${DEFAULT-VALUE})")
    long seed;

    public BenchOfficeCommand() {
        this(System.out);
    }

    public BenchOfficeCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (seats.stream().anyMatch(n -> n < 1) || turnRate <= 0 || seconds < 1 || warmupSeconds < 0) {
            throw new IllegalArgumentException("--seats must be at least 1, --turn-rate above 0, --seconds at least 1, "
                    + "--warmup-seconds 0 or more.");
        }
        List<OfficeEngine> chosen = new ArrayList<>();
        for (String engine : engines) {
            chosen.add(switch (engine.toLowerCase(Locale.ROOT)) {
                case "h2" -> new H2OfficeEngine();
                case "postgresql" -> postgres();
                default -> throw new IllegalArgumentException("--engine takes h2 and postgresql, not " + engine);
            });
        }
        out.printf(Locale.ROOT, "Office bench: %s seats, %s customer turn/s per seat, %d s per run, seed %d%n",
                seats.stream().map(String::valueOf).collect(Collectors.joining(",")), number(turnRate), seconds, seed);
        out.printf(Locale.ROOT, "Machine: %d cores, Java %s (%s), load average at start %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("java.vm.name"), loadAverage());
        OfficeBench.Options options = new OfficeBench.Options(turnRate, Duration.ofSeconds(seconds), seed);
        for (OfficeEngine engine : chosen) {
            List<OfficeRun> runs = new ArrayList<>();
            if (warmupSeconds > 0) {
                int n = seats.get(0);
                OfficeBench.run(engine, n, new OfficeBench.Options(turnRate, Duration.ofSeconds(warmupSeconds), seed + 1),
                        stage -> out.printf(Locale.ROOT, "  %s, warm-up (not measured), %d seats: %s%n", engine.name(), n, stage));
            }
            for (int n : seats) {
                runs.add(OfficeBench.run(engine, n, options, stage -> out.printf(Locale.ROOT, "  %s, %d seats: %s%n", engine.name(), n, stage)));
            }
            print(engine.name(), runs);
        }
        return 0;
    }

    private OfficeEngine postgres() {
        if (postgres == null) {
            throw new IllegalArgumentException("--engine postgresql needs --postgres jdbc:postgresql://127.0.0.1:PORT/DATABASE.");
        }
        PostgresOfficeEngine.requireLoopback(postgres);
        String user = System.getenv("TANDEM_DB_USER");
        String password = System.getenv("TANDEM_DB_PASSWORD");
        if (user == null || password == null) {
            throw new IllegalArgumentException("Set TANDEM_DB_USER and TANDEM_DB_PASSWORD for the PostgreSQL database "
                    + "(never on the command line).");
        }
        return PostgresOfficeEngine.prepare(postgres, user, password);
    }

    private void print(String engine, List<OfficeRun> runs) {
        out.printf(Locale.ROOT, "%n%s (write latency from each write's due time; feed lag from its acknowledgement to another seat reading it)%n", engine);
        out.println("seats  due/s  done/s  write p50    p99     max  lag p50    p99  missed  errors  keeps up");
        for (OfficeRun r : runs) {
            out.printf(Locale.ROOT, "%5d %6.0f %7.0f %10s %6s %7s %8s %6s %7d %7d  %s%n", r.seats(), r.duePerSecond(), r.donePerSecond(),
                    ms(r.writes().p50()), ms(r.writes().p99()), ms(r.writes().max()), ms(r.feedLag().p50()), ms(r.feedLag().p99()),
                    r.missed(), r.errors(), r.keepsUp() ? "yes" : "no");
        }
        out.println("p99 by write: seats  " + List.of(OfficeOperation.values()).stream()
                .map(op -> String.format(Locale.ROOT, "%14s", op.name().toLowerCase(Locale.ROOT))).collect(Collectors.joining()));
        for (OfficeRun r : runs) {
            out.printf(Locale.ROOT, "              %5d  %s%n", r.seats(), r.byOperation().entrySet().stream()
                    .map(e -> String.format(Locale.ROOT, "%14s", ms(e.getValue().p99()))).collect(Collectors.joining()));
        }
        for (OfficeRun r : runs) {
            List<String> notes = new ArrayList<>();
            if (r.unstarted() > 0) {
                notes.add(r.unstarted() + " writes due were never started (the seats ran late)");
            }
            if (r.missed() > 0) {
                notes.add(r.missed() + " times a follower never read a row another seat wrote");
            }
            if (r.feedCount().inFeed() != r.feedCount().acknowledged()) {
                notes.add("the feed holds " + r.feedCount().inFeed() + " rows from the run, the writers were told "
                        + r.feedCount().acknowledged());
            }
            if (r.claimsLost() > 0 || r.openedOwn() > 0) {
                notes.add(r.claimsLost() + " claims lost to another seat, " + r.openedOwn() + " times the queue was empty");
            }
            r.firstError().ifPresent(e -> notes.add("first error: " + e));
            if (!notes.isEmpty()) {
                out.printf(Locale.ROOT, "  %d seats: %s%n", r.seats(), String.join("; ", notes));
            }
        }
        out.println(verdict(engine, runs));
    }

    private String verdict(String engine, List<OfficeRun> runs) {
        String goal = "goal: " + GOAL_SEATS + " seats at 1 turn/s, write p99 <= " + OfficeRun.GOAL_WRITE_P99.toMillis()
                + " ms, feed lag p99 <= " + OfficeRun.GOAL_FEED_LAG_P99.toSeconds() + " s";
        Optional<OfficeRun> atGoal = runs.stream().filter(r -> r.seats() == GOAL_SEATS && r.turnsPerSecond() == 1).findFirst();
        String keepsUp = atGoal.map(r -> "keeps up: " + (r.keepsUp() ? "yes" : "no") + " (" + goal + ")")
                .orElse("keeps up: not measured at the goal (" + goal + ")");
        Optional<OfficeRun> firstFailing = runs.stream().filter(r -> !r.keepsUp()).min((a, b) -> Integer.compare(a.seats(), b.seats()));
        String where = firstFailing.map(r -> "; stops keeping up at " + r.seats() + " seats (" + why(r) + ")")
                .orElse("; kept up at every seat count measured");
        return engine + " " + keepsUp + where;
    }

    private static String why(OfficeRun r) {
        List<String> reasons = new ArrayList<>();
        if (r.writes().p99() > OfficeRun.GOAL_WRITE_P99.toNanos()) {
            reasons.add("write p99 " + ms(r.writes().p99()) + " ms");
        }
        if (r.feedLag().p99() > OfficeRun.GOAL_FEED_LAG_P99.toNanos() || r.feedLag().count() == 0) {
            reasons.add("feed lag p99 " + ms(r.feedLag().p99()) + " ms");
        }
        if (r.done() < 0.99 * r.due()) {
            reasons.add(String.format(Locale.ROOT, "%.0f of %.0f writes/s done", r.donePerSecond(), r.duePerSecond()));
        }
        if (r.errors() > 0) {
            reasons.add(r.errors() + " errors");
        }
        return String.join(", ", reasons);
    }

    private static String ms(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.1f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** The 1-, 5- and 15-minute load averages where Linux shows them: other work on the machine skews the figures. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
