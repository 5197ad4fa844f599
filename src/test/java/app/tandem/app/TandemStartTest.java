package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.assist.FeedbackRanker;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.ml.train.FeatureClassifier;
import app.tandem.ml.train.LinearHead;
import app.tandem.ml.train.Standardizer;
import app.tandem.security.PasswordHasher;
import app.tandem.work.Progress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up over a real data folder: seeding, locking, index recovery, doctor. */
@Slow
class TandemStartTest {

    @TempDir
    Path folder;

    /** A second connection pool onto the H2 file of a Tandem started by {@link #start}, to read what it stored. */
    static javax.sql.DataSource database(Path folder) {
        return org.h2.jdbcx.JdbcConnectionPool.create(app.tandem.store.Database.url(folder), "tandem", "");
    }

    /** The customer says {@code text}; returns what the desk suggests to agent "ann" for it. */
    static app.tandem.assist.Suggestions customerAsks(Tandem tandem, app.tandem.conversation.Conversation c, String text) {
        tandem.conversations.receiveFromCustomer(c.id(), text);
        return tandem.assist.suggest(c.id(), tandem.conversations.messages(c.id()), "ann");
    }

    static Tandem start(Path folder) {
        return Tandem.start(folder, Progress.NONE, new PasswordHasher(1_000), Clock.systemUTC(), false);
    }

    @Test
    void firstStartSeedsKnowledgeBaseCustomersAndHistory() {
        try (Tandem t = start(folder)) {
            assertTrue(t.startReport().articlesSeeded() >= 40);
            assertTrue(t.startReport().customersSeeded() >= 10);
            assertEquals(List.of(), t.startReport().warnings());
            assertTrue(t.startReport().indexRebuilt());
            assertTrue(t.customers.all().stream().anyMatch(c -> !t.conversations.history(c.id(), 5).isEmpty()));
            assertTrue(t.customers.all().stream().anyMatch(c -> c.language().equals("zh")));
        }
        try (Tandem again = start(folder)) {
            assertEquals(0, again.startReport().articlesSeeded(), "seeding happens once");
            assertFalse(again.startReport().indexRebuilt());
        }
    }

    /** The options the dialogue replay starts with leave out the background understanding of each stored customer turn. */
    @Test
    void customerTurnsAreUnderstoodInTheBackgroundUnlessTheOptionsLeaveItOut() throws InterruptedException {
        for (boolean understand : new boolean[] {true, false}) {
            try (Tandem t = Tandem.start(folder.resolve("data-" + understand), Progress.NONE, new PasswordHasher(1_000),
                    Clock.systemUTC(), new Tandem.Options(false, understand))) {
                Conversation c = t.conversations.open(Optional.empty(), Channel.REPLAY, "replayed");
                Message m = t.conversations.receiveFromCustomer(c.id(), "Let me speak to a manager").orElseThrow();
                // Everything queued on the inference threads has run once they have terminated.
                t.inferenceExecutor().shutdown();
                assertTrue(t.inferenceExecutor().awaitTermination(30, TimeUnit.SECONDS));
                assertEquals(understand, t.understanding.annotation(c.id(), m.seq()).isPresent(), "understand=" + understand);
                assertEquals(understand, !t.understanding.escalations().openFor(c.id()).isEmpty(),
                        "asking for a manager escalates only when turns are understood");
            }
        }
        assertEquals(new Tandem.Options(true, true), Tandem.Options.DESK, "the desk understands every turn");
    }

    @Test
    void secondTandemOnTheSameFolderIsToldPlainly() {
        try (Tandem first = start(folder)) {
            InstanceLock.AlreadyOpenException e = assertThrows(InstanceLock.AlreadyOpenException.class, () -> start(folder));
            assertTrue(e.getMessage().startsWith("Tandem is already open on "), e.getMessage());
        }
        start(folder).close();
    }

    @Test
    void deletedIndexIsRebuiltWithProgress() throws IOException {
        start(folder).close();
        try (Stream<Path> files = Files.walk(folder.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        List<String> messages = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(long done, long total, String message) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (Tandem t = Tandem.start(folder, recording, new PasswordHasher(1_000), Clock.systemUTC(), false)) {
            assertTrue(t.startReport().indexRebuilt());
            assertTrue(messages.contains("Rebuilding the search index"));
            assertTrue(t.knowledgeBase.indexedPassages() > 100);
        }
    }

    @Test
    void commandLineErrorsAreOneLine() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = new picocli.CommandLine(new app.tandem.app.cli.TandemCommand())
                .setExecutionExceptionHandler(app.tandem.app.cli.TandemCommand::printError)
                .setErr(new java.io.PrintWriter(err))
                .execute("eval", "retrieval", "--test", folder.resolve("missing.csv").toString(), "--keywords-only");
        assertEquals(1, code);
        assertTrue(err.toString().startsWith("tandem: Cannot read "), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void doctorReportsTheDataFolder() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean healthy = Doctor.report(folder, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(healthy, report);
        assertTrue(report.contains("Data folder " + folder), report);
        assertTrue(report.matches("(?s).*\\d+ articles, \\d+ customers.*"), report);
        assertTrue(report.contains("Inference"), report);
        assertTrue(report.contains("Desktop     "), "whether the desk can open a window: " + report);
        assertTrue(report.matches("(?s).*passages, reflects database change (\\d+) of \\1\\b.*"), "index in step: " + report);
    }

    /** A re-ranker promoted before a restart is in use again after it, without waiting for the next retraining. */
    @Test
    void aSavedReRankerIsBackInUseAfterStart() throws Exception {
        List<String> features = FeedbackRanker.featureNames();
        float[] ones = new float[features.size()];
        java.util.Arrays.fill(ones, 1f);
        float[] weights = new float[2 * features.size()];
        weights[features.size() + features.indexOf("source-use-rate")] = 2f;
        new FeatureClassifier(features, new Standardizer(new float[features.size()], ones),
                new LinearHead(List.of("not-used", "used"), features.size(), weights, new float[2]))
                .write(Files.createDirectories(folder.resolve("models/trained/reranker")).resolve("reranker.model"));
        try (Tandem t = start(folder)) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
            while (!(t.assist.ranker() instanceof FeedbackRanker) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(t.assist.ranker() instanceof FeedbackRanker, "restored on the scheduler at start");
        }
    }
}
