package app.tandem.app.cli;

import app.tandem.app.Tandem;
import app.tandem.assist.AssistService;
import app.tandem.eval.ConversationEvaluation;
import app.tandem.eval.Datasets;
import app.tandem.eval.IntentAnswers;
import app.tandem.eval.LabelledText;
import app.tandem.eval.SimulatedConversations;
import app.tandem.work.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code eval replies --dataset banking77-conversations}: five-turn conversations built from the
 * Banking77 validation split, or with {@code --test FILE} from those questions (our Chinese ones, with
 * Chinese small talk) ({@link SimulatedConversations}), each customer turn ranked by the real
 * engine with the conversation so far and with the current turn alone; prints recall@1/@3 of the right
 * article's answer per turn position and writes {@code replies-banking77-conversations.csv}.
 */
final class SimulatedConversationsRun {

    static final String DATASET = "banking77-conversations";

    private final double validation;
    private final long seed;
    private final int limit;
    private final Path out;
    private final boolean keywordsOnly;
    private final Optional<Path> questions;

    /** {@code questions}: a CSV text,category of customer questions to build them from instead of the Banking77 split. */
    SimulatedConversationsRun(double validation, long seed, int limit, Path out, boolean keywordsOnly, Optional<Path> questions) {
        this.questions = questions;
        this.validation = validation;
        this.seed = seed;
        this.limit = limit;
        this.out = out;
        this.keywordsOnly = keywordsOnly;
    }

    int call() throws IOException {
        List<LabelledText> held;
        String source;
        if (questions.isPresent()) {
            held = Datasets.readTextCategoryCsv(questions.get());
            source = questions.get().toString();
        } else {
            Optional<Path> shared = Datasets.sharedFolder();
            Path train = shared.map(p -> p.resolve("banking77").resolve("train.csv")).orElse(Path.of("banking77/train.csv"));
            if (shared.isEmpty() || !Files.exists(train)) {
                System.err.println("tandem: no " + train + ": set TANDEM_DATASETS to the folder holding banking77/");
                return 2;
            }
            held = Datasets.stratified(Datasets.readTextCategoryCsv(train), validation, seed).held();
            source = String.format(Locale.ROOT, "Banking77 validation split %.2f", validation);
        }
        String language = Datasets.majorityLanguage(held);
        List<SimulatedConversations.Conversation> conversations = SimulatedConversations.build(held, limit, seed, language);
        System.out.printf(Locale.ROOT, "Simulated conversations: %d (%s, seed %d, %d questions, language %s); "
                + "turns: greeting, question, vague follow-up, same-intent question, new-intent question%n",
                conversations.size(), source, seed, held.size(), language);
        Path data = Files.createTempDirectory("tandem-eval-conversations");
        // Nothing is stored here (the engine is asked directly), so no turn would be understood anyway.
        Tandem.Options options = keywordsOnly ? new Tandem.Options(false, false) : Tandem.Options.DESK.withoutTurnUnderstanding();
        try (Tandem tandem = Tandem.start(data, Progress.NONE, options)) {
            if (!keywordsOnly && !tandem.awaitVectors(language, Duration.ofMinutes(10))) {
                System.err.println("tandem: the sentence encoders did not load (" + tandem.engineStatus()
                        + "); the conversation context needs them.");
                return 1;
            }
            System.out.println("Engine: " + tandem.engineStatus());
            IntentAnswers answers = IntentAnswers.of(tandem.knowledgeBase.all(), tandem.macros.all());
            TextProgress progress = TextProgress.onStandardError();
            int total = conversations.size() * SimulatedConversations.Position.values().length
                    * ConversationEvaluation.Mode.values().length;
            int[] done = {0};
            long started = System.nanoTime();
            List<ConversationEvaluation.Row> rows = ConversationEvaluation.run(conversations, turns -> {
                progress.update(++done[0], total, "Ranking conversation turns");
                AssistService.Ranked r = tandem.assist.rank(-1, turns, "eval");
                return new ConversationEvaluation.Offer(r.replies(), r.context().turnsUsed(), r.context().topicChanged());
            }, answers);
            double seconds = (System.nanoTime() - started) / 1e9;
            print(rows, seconds, total);
            write(rows);
        } finally {
            DialogueReplayRun.deleteQuietly(data);
        }
        return 0;
    }

    private static void print(List<ConversationEvaluation.Row> rows, double seconds, int asked) {
        System.out.println("A reply is right when it comes from an article or macro naming the turn's intent (past replies: misses). "
                + "No feedback here, so no re-ranker: confidence order.");
        System.out.printf("%n%-18s %-12s %6s %9s %9s %10s %13s %13s%n", "mode", "position", "turns", "recall@1", "recall@3",
                "abstained", "context kept", "topic change");
        for (ConversationEvaluation.Row r : rows) {
            System.out.printf(Locale.ROOT, "%-18s %-12s %6d %9s %9s %10s %13s %13s%n", r.mode(), r.position(), r.turns(),
                    pct(r.at1()), pct(r.at3()), pct(r.abstained()), pct(r.contextKept()), pct(r.topicChanged()));
        }
        System.out.printf(Locale.ROOT, "%.0f s, %d rankings, %.1f ms each%n", seconds, asked, 1000 * seconds / Math.max(1, asked));
    }

    private static String pct(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private void write(List<ConversationEvaluation.Row> rows) throws IOException {
        Files.createDirectories(out);
        StringBuilder csv = new StringBuilder("dataset,mode,position,turns,recall_at1,recall_at3,abstained,context_kept,topic_changed\n");
        for (ConversationEvaluation.Row r : rows) {
            csv.append(String.join(",", DATASET, '"' + r.mode() + '"', r.position(), Integer.toString(r.turns()), num(r.at1()),
                    num(r.at3()), num(r.abstained()), num(r.contextKept()), num(r.topicChanged()))).append('\n');
        }
        Path file = out.resolve("replies-" + DATASET + (questions.isPresent() ? "-" + questions.get().getFileName().toString()
                .replaceFirst("\\.csv$", "") : "") + (keywordsOnly ? "-keywords" : "") + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        System.out.println("\nWrote " + file);
    }

    private static String num(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.4f", share);
    }
}
