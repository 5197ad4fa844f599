package app.tandem.app;

import app.tandem.backup.OfficeBackups;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.store.Database;
import app.tandem.store.H2DatabaseCopies;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16's backup harness: one thread writes customer turns through the real repository at a steady rate, noting
 * the moment each write returned (acknowledged); meanwhile backups are taken of the open database as the desk takes
 * them ({@link OfficeBackups}). Once the writing stops, each backup is restored into a fresh folder as {@code tandem
 * restore} restores it (the restore opens it with Flyway, which validates the migrations), and every turn
 * acknowledged before that backup started must be there.
 */
public final class BackupHarness {

    private static final Logger log = LoggerFactory.getLogger(BackupHarness.class);

    /**
     * @param backups   how many backups to take while writing
     * @param rate      turns written per second, on one thread
     * @param spacingMs pause between the end of one backup and the start of the next
     */
    public record Options(int backups, int rate, long spacingMs) {}

    /**
     * One backup: how long it took and its size; what was acknowledged before it started; after its restore, whether
     * it opened (migrations validated) and how many of those turns it lacked; turns acknowledged while it ran that it
     * holds too (writes that made it in before the copy's moment).
     */
    public record Round(int number, double backupSeconds, long bytes, int acknowledgedBefore, boolean restored, int missing,
                        int acknowledgedDuringAndHeld, double restoreSeconds, String problem) {
        public boolean passed() {
            return restored && missing == 0;
        }
    }

    /** {@code longestPauseSeconds}: the longest time between two acknowledged writes, i.e. how long a backup held the writer up. */
    public record Report(List<Round> rounds, int written, double writtenPerSecond, double longestPauseSeconds) {
        public int passed() {
            return (int) rounds.stream().filter(Round::passed).count();
        }

        public int missing() {
            return rounds.stream().mapToInt(Round::missing).sum();
        }
    }

    private record Ack(long messageId, long at) {}

    private record Taken(int number, Path file, long started, double seconds, long bytes) {}

    private BackupHarness() {}

    public static Report run(Path scratch, Options options, Consumer<Round> each) {
        Path office = scratch.resolve("office");
        List<Ack> acks = new ArrayList<>();
        List<Taken> taken = new ArrayList<>();
        long conversationId;
        double writingSeconds;
        try (Database db = Database.open(office)) {
            JdbcConversationRepository conversations = new JdbcConversationRepository(db.dataSource());
            Conversation conversation = conversations.create(Optional.empty(), Channel.CHAT, "Backup harness", Clock.systemUTC().instant());
            conversationId = conversation.id();
            OfficeBackups backups = new OfficeBackups(office, H2DatabaseCopies.of(db), Backups.version(), Clock.systemUTC());
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> write(conversations, conversation.id(), options.rate(), writing, acks), "backup-harness-writer");
            long writingFrom = System.nanoTime();
            writer.start();
            try {
                sleep(options.spacingMs());
                for (int i = 1; i <= options.backups(); i++) {
                    Path file = scratch.resolve("backups").resolve("backup-" + i + ".zip");
                    long started = System.nanoTime();
                    OfficeBackups.Taken t = backups.backUp(file, false, Progress.NONE);
                    taken.add(new Taken(i, t.file(), started, (System.nanoTime() - started) / 1e9, t.bytes()));
                    sleep(options.spacingMs());
                }
            } finally {
                writing.set(false);
                join(writer);
            }
            writingSeconds = (System.nanoTime() - writingFrom) / 1e9;
        }
        List<Ack> acknowledged;
        synchronized (acks) {
            acknowledged = List.copyOf(acks);
        }
        List<Round> rounds = new ArrayList<>();
        for (Taken t : taken) {
            Round round = restoreAndCount(scratch, t, conversationId, acknowledged);
            rounds.add(round);
            each.accept(round);
        }
        long longestPause = 0;
        for (int i = 1; i < acknowledged.size(); i++) {
            longestPause = Math.max(longestPause, acknowledged.get(i).at() - acknowledged.get(i - 1).at());
        }
        return new Report(rounds, acknowledged.size(), acknowledged.size() / writingSeconds, longestPause / 1e9);
    }

    /** Writes a turn every 1/rate s (catching up when a write was slow), noting each once the repository returned. */
    private static void write(JdbcConversationRepository conversations, long conversationId, int rate, AtomicBoolean writing,
                              List<Ack> acks) {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int turn = 1; writing.get(); turn++) {
            Message m = conversations.append(conversationId, turn % 2 == 1 ? Author.CUSTOMER : Author.AGENT, "Turn " + turn,
                    turn % 2 == 1 ? MessageOrigin.CUSTOMER : MessageOrigin.TYPED, OptionalLong.empty(), Optional.empty(),
                    Clock.systemUTC().instant());
            long at = System.nanoTime();
            synchronized (acks) {
                acks.add(new Ack(m.id(), at));
            }
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Pause.nanos(wait);
            }
        }
    }

    private static Round restoreAndCount(Path scratch, Taken t, long conversationId, List<Ack> acks) {
        Path fresh = scratch.resolve("restored-" + t.number());
        List<Ack> before = acks.stream().filter(a -> a.at() < t.started()).toList();
        long restoreStart = System.nanoTime();
        try {
            Backups.restore(t.file(), fresh, false, Progress.NONE);
            double restoreSeconds = (System.nanoTime() - restoreStart) / 1e9;
            Set<Long> held = new HashSet<>();
            try (Database restored = Database.open(fresh)) {
                new JdbcConversationRepository(restored.dataSource()).messages(conversationId).forEach(m -> held.add(m.id()));
            }
            int missing = (int) before.stream().filter(a -> !held.contains(a.messageId())).count();
            int during = (int) acks.stream().filter(a -> a.at() >= t.started() && held.contains(a.messageId())).count();
            return new Round(t.number(), t.seconds(), t.bytes(), before.size(), true, missing, during, restoreSeconds, "");
        } catch (RuntimeException e) {
            log.warn("Backup {} did not restore", t.number(), e);
            return new Round(t.number(), t.seconds(), t.bytes(), before.size(), false, before.size(), 0,
                    (System.nanoTime() - restoreStart) / 1e9, String.valueOf(e.getMessage()));
        }
    }

    private static void sleep(long ms) {
        Pause.nanos(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps; an interrupt ends the harness's waiting early and is kept for the caller. */
    private static final class Pause {
        static void nanos(long nanos) {
            try {
                TimeUnit.NANOSECONDS.sleep(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
