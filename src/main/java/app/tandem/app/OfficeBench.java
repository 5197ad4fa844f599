package app.tandem.app;

import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationRepository;
import app.tandem.store.Database;
import app.tandem.store.JdbcConversationRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Issue 17's office load test: N simulated seats (no models), each with its own connection pool and seat name,
 * write customer turns, suggestion logs, replies, claims and closes on a schedule against one office database,
 * while every seat follows the office feed. See {@code docs/experiments/office.md}.
 */
public final class OfficeBench {

    /** Before the schedule starts, time for every thread to start and park on its first due time: a base and per seat. */
    private static final long LEAD_NANOS = 250_000_000L;
    private static final long LEAD_PER_SEAT_NANOS = 5_000_000L;
    /** How long after the end a write still in flight may take before the run gives up on it. */
    private static final long STRAGGLER_MILLIS = 30_000;

    /**
     * @param turnsPerSecond customer turns per second per seat
     * @param length         the schedule's length per run
     */
    public record Options(double turnsPerSecond, Duration length, long seed) {}

    private OfficeBench() {}

    /** One run: {@code seats} seats on a fresh office database of {@code engine}; {@code progress} hears the stages. */
    public static OfficeRun run(OfficeEngine engine, int seats, Options options, Consumer<String> progress) {
        List<Database> pools = new ArrayList<>();
        try (OfficeEngine.Served office = engine.serve()) {
            long joining = System.nanoTime();
            for (int i = 0; i <= seats; i++) {
                pools.add(office.join());
            }
            progress.accept(String.format(Locale.ROOT, "%d seats joined in %.1f s", seats, (System.nanoTime() - joining) / 1e9));
            long start = System.nanoTime() + LEAD_NANOS + seats * LEAD_PER_SEAT_NANOS;
            long deadline = start + options.length().toNanos();
            FeedLedger ledger = new FeedLedger();
            WaitingConversations waiting = new WaitingConversations();
            double opensPerSecond = seats * options.turnsPerSecond() / SimulatedSeat.TURNS_PER_CONVERSATION;
            OfficeChannel channel = new OfficeChannel(pools.get(seats).dataSource(), waiting, ledger, options.seed(),
                    opensPerSecond, start, deadline);
            channel.stock(seats + seats / 2);
            ConversationRepository feed = new JdbcConversationRepository(pools.get(seats).dataSource());
            long feedStart = feed.lastEventSeq();
            List<SimulatedSeat> desks = new ArrayList<>();
            List<FeedFollower> followers = new ArrayList<>();
            for (int i = 0; i < seats; i++) {
                SimulatedSeat seat = new SimulatedSeat(i + 1, pools.get(i).dataSource(), waiting, ledger,
                        options.seed() * 1_000_003L + i, options.turnsPerSecond(), start, deadline);
                desks.add(seat);
                followers.add(seat.follower(options.seed() * 1_000_033L + i, deadline));
            }
            progress.accept("writing for " + options.length().toSeconds() + " s");
            followers.forEach(Thread::start);
            desks.forEach(Thread::start);
            channel.start();
            List<Thread> writers = new ArrayList<>(desks);
            writers.add(channel);
            long stragglers = awaitAll(writers, deadline);
            followers.forEach(FeedFollower::writersDone);
            awaitAll(followers, System.nanoTime());
            long feedRows = rowsAfter(feed, feedStart);
            return report(engine.name(), seats, options, desks, channel, followers, stragglers,
                    new OfficeRun.FeedCount(feedRows, ledger.written()));
        } finally {
            pools.forEach(Database::close);
        }
    }

    /** Joins each thread, waiting at most {@link #STRAGGLER_MILLIS} past {@code after}; how many were still running. */
    private static long awaitAll(List<? extends Thread> threads, long after) {
        long giveUp = after + STRAGGLER_MILLIS * 1_000_000L;
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, (giveUp - System.nanoTime()) / 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return threads.stream().filter(Thread::isAlive).count();
    }

    /**
     * The rows the feed holds after {@code seq}, read once after the run: when they equal the acknowledged writes,
     * a row a follower missed was in the feed all along (committed after a row with a higher number it had read).
     */
    private static long rowsAfter(ConversationRepository feed, long seq) {
        long rows = 0;
        List<ConversationEvent> page;
        do {
            page = feed.eventsAfter(seq, 1000);
            rows += page.size();
            if (!page.isEmpty()) {
                seq = page.get(page.size() - 1).seq();
            }
        } while (page.size() == 1000);
        return rows;
    }

    private static OfficeRun report(String engine, int seats, Options options, List<SimulatedSeat> desks, OfficeChannel channel,
                                    List<FeedFollower> followers, long stragglers, OfficeRun.FeedCount feedCount) {
        List<PacedWrites> writers = new ArrayList<>();
        desks.forEach(d -> writers.add(d.paced()));
        writers.add(channel.paced());
        Map<OfficeOperation, OfficeRun.Figures> byOperation = new EnumMap<>(OfficeOperation.class);
        List<Latencies> all = new ArrayList<>();
        for (OfficeOperation op : OfficeOperation.values()) {
            List<Latencies> parts = writers.stream().map(w -> w.latencies(op)).toList();
            byOperation.put(op, OfficeRun.Figures.of(Latencies.merge(parts)));
            all.addAll(parts);
        }
        int errors = writers.stream().mapToInt(PacedWrites::errors).sum() + followers.stream().mapToInt(FeedFollower::errors).sum();
        Optional<String> firstError = writers.stream().map(PacedWrites::firstError).flatMap(Optional::stream).findFirst();
        if (stragglers > 0) {
            errors += (int) stragglers;
            firstError = firstError.or(() -> Optional.of(stragglers + " writers still writing " + STRAGGLER_MILLIS / 1000
                    + " s after the end"));
        }
        return new OfficeRun(engine, seats, options.turnsPerSecond(), options.length(),
                writers.stream().mapToInt(PacedWrites::due).sum(), writers.stream().mapToInt(PacedWrites::done).sum(),
                writers.stream().mapToInt(PacedWrites::unstarted).sum(), errors,
                OfficeRun.Figures.of(Latencies.merge(all)), byOperation,
                OfficeRun.Figures.of(Latencies.merge(followers.stream().map(FeedFollower::lags).toList())),
                followers.stream().mapToLong(FeedFollower::missed).sum(), feedCount,
                desks.stream().mapToInt(SimulatedSeat::claimsLost).sum(), desks.stream().mapToInt(SimulatedSeat::openedOwn).sum(),
                firstError);
    }
}
