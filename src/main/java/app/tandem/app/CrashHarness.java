package app.tandem.app;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionLog;
import app.tandem.assist.SuggestionSource;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.IndexCheck;
import app.tandem.kb.KbIndex;
import app.tandem.kb.KnowledgeBase;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.store.Database;
import app.tandem.store.OfficeServer;
import app.tandem.store.JdbcArticleRepository;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcSuggestionLog;
import app.tandem.store.JdbcUserRepository;
import app.tandem.work.Progress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16's crash harness: a child JVM opens the data folder's database exactly as Tandem does
 * ({@link Database#open}) and writes through the real repositories (conversation messages, suggestion
 * logs, sign-in failures) and the real knowledge base over its index (KB article saves), announcing each
 * write on its standard output only after the call returned, i.e. once Tandem would have told the person
 * it was done. The parent kills the child at a random moment (SIGKILL, or SIGTERM to exercise the shutdown
 * hook), reopens the folder with {@link Database#open} (Flyway validates the schema), checks that every
 * announced write is there, then opens the index as Tandem's start does, reconciles it with the database,
 * and checks that it serves every article at its database version.
 *
 * <p>The child is a separate JVM because a kill inside one JVM cannot lose what the OS already holds for
 * the process: only a dead process shows what H2 had not yet handed to the file.
 */
public final class CrashHarness {

    private static final Logger log = LoggerFactory.getLogger(CrashHarness.class);

    /** Prefix of the child's acknowledgement lines; anything else on its output (logging) is ignored. */
    static final String ACK = "ack ";
    /** What the child prints once the database is open and the writes begin. */
    static final String READY = "ready";
    static final String USER = "crash-agent";
    /** The child's last argument: write to the folder's own database, or serve it to a seat in the parent. */
    public static final String WRITE = "write";
    public static final String SERVE = "serve";

    /**
     * The parent as a seat of the child's office server: joins over TCP and writes on its own thread, through
     * its own index, until the server's death makes a write fail. Acknowledgements are kept here, in the parent.
     */
    private static final class Seat extends Thread {

        private final Database db;
        private final Path indexFolder;
        private final long seed;
        private final List<String> acks = new ArrayList<>();

        private Seat(Database db, Path indexFolder, long seed) {
            super("crash-seat");
            setDaemon(true);
            this.db = db;
            this.indexFolder = indexFolder;
            this.seed = seed;
        }

        static Path indexFolder(Path folder) {
            return folder.resolve("seat").resolve("index");
        }

        /** {@code served}: the server's {@code PORT KEY}. */
        static Seat start(String served, Path folder, long seed) {
            String[] f = served.split(" ");
            Database db = Database.join(OfficeServer.seatUrl("127.0.0.1", Integer.parseInt(f[0])), OfficeServer.SEAT_USER, f[1]);
            Seat seat = new Seat(db, indexFolder(folder), seed);
            seat.start();
            return seat;
        }

        @Override
        public void run() {
            // Closed when the writing ends: the parent reopens this index to check it, and Lucene allows one writer.
            try (KbIndex index = KbIndex.open(indexFolder)) {
                write(db, index, seed, line -> {
                    if (line.startsWith(ACK)) {
                        synchronized (acks) {
                            acks.add(line.substring(ACK.length()));
                        }
                    }
                });
            } catch (RuntimeException e) {
                // The server died: the write in flight was never acknowledged.
            } finally {
                db.close();
            }
        }

        List<String> acks() {
            synchronized (acks) {
                return List.copyOf(acks);
            }
        }
    }

    /**
     * @param kills      child processes started and killed
     * @param maxDelayMs each child is killed after a uniform random 0..maxDelayMs of writing
     * @param sigterms   how many of the kills (the last ones) are SIGTERM instead of SIGKILL
     * @param commits    how the child opens the database: Tandem's setting, or H2's default to measure the difference
     * @param office     true: the child is the office server ({@link OfficeServer}) and this process a seat writing to it
     *                   over TCP, so the kill is the server's; false: the child is a solo desk writing to its own file
     */
    public record Options(int kills, long seed, long maxDelayMs, int sigterms, Database.Commits commits, boolean office) {

        public Options(int kills, long seed, long maxDelayMs, int sigterms, Database.Commits commits) {
            this(kills, seed, maxDelayMs, sigterms, commits, false);
        }
    }

    /**
     * One kill: what was acknowledged, what the reopened database lacked, how it reopened, what reconciling the
     * index did ({@code index}) and whether the index then served every article at its database version.
     */
    public record Kill(int number, boolean sigterm, int acknowledged, int lost, boolean reopened, String problem,
                       double seconds, boolean exitedInTime, Optional<IndexCheck> index, boolean indexConsistent) {}

    public record Report(List<Kill> kills) {
        public int acknowledged() {
            return kills.stream().mapToInt(Kill::acknowledged).sum();
        }

        public int lost() {
            return kills.stream().mapToInt(Kill::lost).sum();
        }

        public int cleanReopens() {
            return (int) kills.stream().filter(Kill::reopened).count();
        }

        public int killsWithLoss() {
            return (int) kills.stream().filter(k -> k.lost() > 0).count();
        }

        /** Kills after which the reconciled index served every article at its database version. */
        public int indexConsistent() {
            return (int) kills.stream().filter(Kill::indexConsistent).count();
        }

        /** Kills that left the index behind the database (the kill fell between the two commits): caught up. */
        public int indexCaughtUp() {
            return (int) kills.stream().filter(k -> k.index().map(IndexCheck::outcome).orElse(null) == IndexCheck.Outcome.CAUGHT_UP)
                    .count();
        }

        public int indexRebuilt() {
            return (int) kills.stream().filter(k -> k.index().map(IndexCheck::rebuilt).orElse(false)).count();
        }

        /** Acknowledged writes per second of the children's writing time (from ready to kill). */
        public double writesPerSecond() {
            double seconds = kills.stream().mapToDouble(Kill::seconds).sum();
            return seconds == 0 ? 0 : acknowledged() / seconds;
        }
    }

    private CrashHarness() {}

    /**
     * Runs {@code options.kills()} children over a fresh database in {@code folder}. {@code childMain}
     * names the class whose {@code main(folder, seed, commits)} calls {@link #writeUntilKilled} and prints each
     * acknowledgement (the command line owns the standard streams).
     */
    public static Report run(Path folder, Options options, String childMain, Consumer<Kill> each) {
        // Created and migrated before the first child, as an installed Tandem's folder is.
        Database.open(folder).close();
        Random random = new Random(options.seed());
        List<Kill> kills = new ArrayList<>();
        for (int i = 1; i <= options.kills(); i++) {
            boolean sigterm = i > options.kills() - options.sigterms();
            Kill kill = killOnce(i, folder, random.nextLong(), (long) (random.nextDouble() * options.maxDelayMs()), sigterm,
                    options, childMain);
            kills.add(kill);
            each.accept(kill);
        }
        return new Report(kills);
    }

    private static Kill killOnce(int number, Path folder, long childSeed, long delayMs, boolean sigterm,
                                 Options options, String childMain) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), childMain,
                folder.toString(), Long.toString(childSeed), options.commits().name(), options.office() ? SERVE : WRITE)
                .redirectErrorStream(true);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the crash child", e);
        }
        ChildOutput output = new ChildOutput(child);
        output.start();
        boolean exitedInTime = true;
        long writing;
        Optional<Seat> seat = Optional.empty();
        try {
            if (!output.awaitReady(120_000)) {
                child.destroyForcibly();
                throw new IllegalStateException("The crash child did not start: " + output.tail());
            }
            if (options.office()) {
                seat = Optional.of(Seat.start(output.served(), folder, childSeed));
            }
            long start = System.nanoTime();
            Thread.sleep(delayMs);
            writing = System.nanoTime() - start;
            if (sigterm) {
                child.destroy();
                // The shutdown hook must close the database and let the JVM go; 10 s is far more than it needs.
                exitedInTime = child.waitFor(10, TimeUnit.SECONDS);
                if (!exitedInTime) {
                    child.destroyForcibly();
                }
            } else {
                child.destroyForcibly();
            }
            child.waitFor();
            output.join(10_000);
            if (seat.isPresent()) {
                seat.get().join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
            throw new IllegalStateException("Interrupted", e);
        }
        List<String> acks = seat.map(Seat::acks).orElseGet(output::acks);
        Path indexFolder = options.office() ? Seat.indexFolder(folder) : Tandem.indexFolder(folder);
        try (Database reopened = Database.open(folder)) {
            int lost = missing(reopened, acks);
            if (lost > 0) {
                log.warn("Kill {}: {} of {} acknowledged writes missing after reopening", number, lost, acks.size());
            }
            Optional<IndexCheck> index = Optional.empty();
            boolean consistent = false;
            String problem = "";
            try (KbIndex opened = KbIndex.open(indexFolder)) {
                var articles = new JdbcArticleRepository(reopened.dataSource(), Clock.systemUTC());
                index = Optional.of(new KnowledgeBase(articles, opened, new JdbcAuditLog(reopened.dataSource(), Clock.systemUTC()))
                        .reconcileIndex(Progress.NONE));
                consistent = articles.versions().equals(opened.indexedVersions());
                if (!consistent) {
                    log.warn("Kill {}: the index serves {}, the database holds {}", number, opened.indexedVersions(), articles.versions());
                }
            } catch (RuntimeException e) {
                log.warn("Kill {}: the index could not be reconciled", number, e);
                problem = "index: " + e;
            }
            return new Kill(number, sigterm, acks.size(), lost, true, problem, writing / 1e9, exitedInTime, index, consistent);
        } catch (RuntimeException e) {
            log.warn("Kill {}: the database did not reopen", number, e);
            return new Kill(number, sigterm, acks.size(), acks.size(), false, e.toString(), writing / 1e9, exitedInTime,
                    Optional.empty(), false);
        }
    }

    /** How many acknowledged writes the reopened database does not hold. */
    static int missing(Database db, List<String> acks) {
        var conversations = new JdbcConversationRepository(db.dataSource());
        var suggestions = new JdbcSuggestionLog(db.dataSource(), Clock.systemUTC());
        var articles = new JdbcArticleRepository(db.dataSource(), Clock.systemUTC());
        var users = new JdbcUserRepository(db.dataSource(), Clock.systemUTC());
        Map<Long, Set<Long>> messages = new HashMap<>();
        Map<Long, Set<Long>> logged = new HashMap<>();
        int lost = 0;
        for (String ack : acks) {
            String[] f = ack.split(" ");
            boolean there = switch (f[0]) {
                case "conv" -> conversations.find(Long.parseLong(f[1])).isPresent();
                case "msg" -> messages.computeIfAbsent(Long.parseLong(f[1]), c -> ids(conversations.messages(c).stream()
                        .map(Message::id).toList())).contains(Long.parseLong(f[2]));
                case "sug" -> logged.computeIfAbsent(Long.parseLong(f[1]), c -> ids(suggestions.forConversation(c).stream()
                        .map(SuggestionLog.Logged::id).toList())).contains(Long.parseLong(f[2]));
                case "kb" -> articles.find(f[1]).map(Article::version).orElse(0) >= Integer.parseInt(f[2]);
                case "fail" -> users.find(f[1]).map(User::failedAttempts).orElse(0) >= Integer.parseInt(f[2]);
                default -> throw new IllegalStateException("Unknown acknowledgement: " + ack);
            };
            if (!there) {
                lost++;
            }
        }
        return lost;
    }

    private static Set<Long> ids(List<Long> ids) {
        return new HashSet<>(ids);
    }

    /**
     * The child's side: opens {@code folder} as Tandem does (the database, then the index, reconciled) and
     * writes until killed, calling {@code ack} with one line per write after the call returned. A message
     * every turn; every 5th turn a suggestion logged, every 7th a KB article saved through the knowledge base
     * (database, then index; keyword-only, as before the models load), every 11th a failed sign-in recorded.
     */
    public static void writeUntilKilled(Path folder, long seed, Database.Commits commits, Consumer<String> ack) {
        write(Database.open(folder, commits), KbIndex.open(Tandem.indexFolder(folder)), seed, ack);
    }

    /**
     * The office server's side: serves {@code folder} (a new office key each start) and says where, as
     * {@code ready PORT KEY}, then waits to be killed. The writing is the seat's, in the parent.
     */
    public static void serveUntilKilled(Path folder, Consumer<String> say) throws InterruptedException {
        OfficeServer server = OfficeServer.start(folder, 0, true);
        say.accept(READY + " " + server.port() + " " + server.newKey().orElseThrow());
        Thread.currentThread().join();
    }

    /** Writes through {@code db} until a write fails (the process or its server is killed), acknowledging each. */
    private static void write(Database db, KbIndex index, long seed, Consumer<String> ack) {
        Clock clock = Clock.systemUTC();
        var conversations = new JdbcConversationRepository(db.dataSource());
        var suggestions = new JdbcSuggestionLog(db.dataSource(), clock);
        var kb = new KnowledgeBase(new JdbcArticleRepository(db.dataSource(), clock), index,
                new JdbcAuditLog(db.dataSource(), clock));
        kb.reconcileIndex(Progress.NONE);
        var users = new JdbcUserRepository(db.dataSource(), clock);
        if (users.find(USER).isEmpty()) {
            users.create(USER, "Crash harness", Role.AGENT, "not-a-password-hash");
        }
        int failures = users.find(USER).map(User::failedAttempts).orElse(0);
        String articleId = "crash-" + Long.toHexString(seed);
        int version = kb.find(articleId).map(Article::version).orElse(0);
        Random random = new Random(seed);
        ack.accept(READY);
        Conversation conversation = conversations.create(Optional.empty(), Channel.CHAT, "Crash harness " + seed, clock.instant());
        ack.accept(ACK + "conv " + conversation.id());
        for (int turn = 1; ; turn++) {
            Message m = conversations.append(conversation.id(), turn % 2 == 1 ? Author.CUSTOMER : Author.AGENT,
                    "Turn " + turn + " " + random.nextLong(), turn % 2 == 1 ? MessageOrigin.CUSTOMER : MessageOrigin.TYPED,
                    OptionalLong.empty(), Optional.empty(), clock.instant());
            ack.accept(ACK + "msg " + conversation.id() + " " + m.id());
            if (turn % 5 == 0) {
                Suggestion shown = new Suggestion(0, 1, "Suggested reply " + turn, 0.5, SuggestionSource.ARTICLE,
                        articleId, OptionalInt.empty(), "crash harness");
                for (Suggestion s : suggestions.recordShown(conversation.id(), m.seq(), List.of(shown), USER)) {
                    ack.accept(ACK + "sug " + conversation.id() + " " + s.id());
                }
            }
            if (turn % 7 == 0) {
                Article a = new Article(articleId, "Crash harness " + turn, "en", ArticleStatus.DRAFT, List.of(), List.of(),
                        Optional.empty(), "Body " + turn, version, clock.instant(), USER);
                version = kb.save(a, version, USER).version();
                ack.accept(ACK + "kb " + articleId + " " + version);
            }
            if (turn % 11 == 0) {
                failures++;
                users.recordFailure(USER, failures, null);
                ack.accept(ACK + "fail " + USER + " " + failures);
            }
        }
    }

    /** Reads the child's output on its own thread, so the child never blocks on a full pipe. */
    private static final class ChildOutput extends Thread {

        private final Process child;
        private final List<String> acks = new ArrayList<>();
        private final Deque<String> other = new ArrayDeque<>();
        private boolean ready;
        private String served = "";

        ChildOutput(Process child) {
            super("crash-child-output");
            setDaemon(true);
            this.child = child;
        }

        @Override
        public void run() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (this) {
                        if (line.startsWith(ACK)) {
                            acks.add(line.substring(ACK.length()));
                        } else if (line.equals(READY) || line.startsWith(READY + " ")) {
                            served = line.substring(READY.length()).strip();
                            ready = true;
                            notifyAll();
                        } else {
                            other.addLast(line);
                            if (other.size() > 20) {
                                other.removeFirst();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // The pipe closes when the child dies; what was read is what was acknowledged.
            }
            synchronized (this) {
                notifyAll();
            }
        }

        synchronized boolean awaitReady(long timeoutMs) throws InterruptedException {
            long end = System.currentTimeMillis() + timeoutMs;
            while (!ready && isAlive() && System.currentTimeMillis() < end) {
                wait(Math.max(1, end - System.currentTimeMillis()));
            }
            return ready;
        }

        synchronized List<String> acks() {
            return List.copyOf(acks);
        }

        /** What an office server child said after {@code ready}: its port and key. */
        synchronized String served() {
            return served;
        }

        synchronized String tail() {
            return String.join("\n", other);
        }
    }
}
