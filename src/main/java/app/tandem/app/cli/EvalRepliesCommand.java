package app.tandem.app.cli;

import app.tandem.app.Tandem;
import app.tandem.assist.AssistService;
import app.tandem.assist.Calibration;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionSource;
import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.eval.Datasets;
import app.tandem.eval.IntentAnswers;
import app.tandem.eval.LabelledText;
import app.tandem.eval.ReplayEvaluation;
import app.tandem.work.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tandem eval replies}: replays simulated Banking77 conversations (a validation utterance as
 * the customer's turn; the reply is right when it comes from an article or a macro naming the intent,
 * {@link IntentAnswers}) through the whole suggestion engine and reports recall@1/@3 of the right reply,
 * the abstain rate, and with {@code --calibrate} the Platt constants of the article and macro curves for
 * the questions' encoder and the abstain bar for {@link Calibration}. With
 * {@code --dataset sgd-banks} or {@code abcd} it replays recorded dialogues instead
 * ({@link ReplayEvaluation}): recall of the reply the human agent really sent, with and without the
 * re-ranker trained on the replayed feedback. {@code --dataset banking77-conversations} builds five-turn
 * conversations from the validation split and scores each turn with and without the conversation context
 * ({@link SimulatedConversationsRun}).
 */
@Command(name = "replies", mixinStandardHelpOptions = true,
        description = {"Recall@1 and @3 of the right suggested reply: simulated Banking77 conversations (default),",
                "or replayed dialogues (sgd-banks, abcd) scored against the reply the agent really sent.",
                "Runs in a temporary data folder with the bundled KB and the real encoders."})
public final class EvalRepliesCommand implements Callable<Integer> {

    @Option(names = "--dataset", defaultValue = "banking77", description = "banking77 (default), banking77-conversations, sgd-banks, abcd")
    String dataset;

    @Option(names = "--feedback-share", defaultValue = "0.25",
            description = "sgd-banks: share of the train dialogues replayed for feedback instead of stored as history (default 0.25)")
    double feedbackShare;

    @Option(names = "--max-dialogues", defaultValue = "0", description = "Replay at most this many dialogues per split (0 = all)")
    int maxDialogues;

    @Option(names = "--out", defaultValue = "eval-results", paramLabel = "FOLDER", description = "Where CSV and JSON go (dialogue replay, conversations)")
    Path out;

    @Mixin
    HeldOutSplitOptions heldOut;

    @Option(names = "--limit", defaultValue = "0", description = "Evaluate at most this many questions, or conversations with banking77-conversations (0 = all)")
    int limit;

    @Option(names = "--calibrate", description = "Fit the article and macro confidence curves and the abstain bar, and print them")
    boolean calibrate;

    @Mixin
    KeywordsOnlyOption models;

    @Option(names = "--test", paramLabel = "FILE", description = "CSV text,category (Banking77 intent names): ask these questions"
            + " instead of the Banking77 split (also as conversations), e.g. src/test/resources/eval/zh-customer-questions.csv")
    Path test;

    @Override
    public Integer call() throws Exception {
        double validation = heldOut.validation();
        long seed = heldOut.seed();
        boolean keywordsOnly = models.keywordsOnly();
        if (dataset.equals(SimulatedConversationsRun.DATASET)) {
            return new SimulatedConversationsRun(validation, seed, limit, out, keywordsOnly, Optional.ofNullable(test)).call();
        }
        if (!dataset.equals("banking77")) {
            return new DialogueReplayRun(dataset, feedbackShare, maxDialogues, seed, out).call();
        }
        List<LabelledText> queries = test != null ? Datasets.readTextCategoryCsv(test) : Datasets.stratified(
                Datasets.readTextCategoryCsv(Datasets.sharedFolder().orElseThrow(() -> new IllegalArgumentException(
                        "Cannot find shared/datasets: set TANDEM_DATASETS")).resolve("banking77").resolve("train.csv")),
                validation, seed).held();
        if (limit > 0 && queries.size() > limit) {
            List<LabelledText> shuffled = new ArrayList<>(queries);
            java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
            queries = shuffled.subList(0, limit);
        }
        Path data = Files.createTempDirectory("tandem-eval-replies");
        String language = Datasets.majorityLanguage(queries);
        try (Tandem tandem = Tandem.start(data, Progress.NONE, !keywordsOnly)) {
            if (!keywordsOnly) {
                if (!tandem.awaitVectors(language, Duration.ofMinutes(10))) {
                    System.err.println("The sentence encoders did not load (" + tandem.engineStatus() + "): keywords only.");
                }
                System.out.println("Engine: " + tandem.engineStatus());
            }
            IntentAnswers answers = IntentAnswers.of(tandem.knowledgeBase.all(), tandem.macros.all());
            int at1 = 0;
            int at3 = 0;
            int articleAt1 = 0;
            int articleAt3 = 0;
            int abstained = 0;
            int macroFirst = 0;
            int macroFirstRight = 0;
            List<Double> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            List<Double> macroX = new ArrayList<>();
            List<Boolean> macroY = new ArrayList<>();
            List<double[]> top = new ArrayList<>();
            List<double[]> topAny = new ArrayList<>();
            long started = System.nanoTime();
            int done = 0;
            for (LabelledText q : queries) {
                if (++done % 50 == 0) {
                    System.err.printf("%d/%d%n", done, queries.size());
                }
                Message turn = new Message(1, 1, 1, Author.CUSTOMER, q.text(), MessageOrigin.CUSTOMER, OptionalLong.empty(),
                        Optional.empty(), Instant.EPOCH);
                AssistService.Ranked r = tandem.assist.rank(-1, List.of(turn), "eval");
                List<Suggestion> replies = r.replies();
                for (int i = 0; i < replies.size(); i++) {
                    if (answers.answers(replies.get(i).source(), replies.get(i).sourceRef(), q.label())) {
                        at1 += i == 0 ? 1 : 0;
                        at3 += i < 3 ? 1 : 0;
                        break;
                    }
                }
                for (int i = 0; i < replies.size(); i++) {
                    if (replies.get(i).source() == SuggestionSource.ARTICLE
                            && answers.answers(SuggestionSource.ARTICLE, replies.get(i).sourceRef(), q.label())) {
                        articleAt1 += i == 0 ? 1 : 0;
                        articleAt3 += i < 3 ? 1 : 0;
                        break;
                    }
                }
                abstained += replies.isEmpty() ? 1 : 0;
                if (!replies.isEmpty() && replies.get(0).source() == SuggestionSource.MACRO) {
                    macroFirst++;
                    macroFirstRight += answers.answers(SuggestionSource.MACRO, replies.get(0).sourceRef(), q.label()) ? 1 : 0;
                }
                boolean firstArticle = true;
                boolean first = true;
                for (AssistService.Candidate c : r.all()) {
                    boolean ok = answers.answers(c.source(), c.sourceRef(), q.label());
                    if (first) {
                        topAny.add(new double[] {c.confidence(), ok ? 1 : 0});
                        first = false;
                    }
                    if (c.source() == SuggestionSource.ARTICLE) {
                        x.add(c.searchRank() > 0 && !keywordsOnly ? c.rawScore() : Math.log1p(Math.max(0, c.rawScore())));
                        y.add(ok);
                        if (firstArticle) {
                            top.add(new double[] {c.confidence(), ok ? 1 : 0});
                            firstArticle = false;
                        }
                    } else if (c.source() == SuggestionSource.MACRO) {
                        macroX.add(c.rawScore()); // cosine to the best phrasing, or word coverage without vectors
                        macroY.add(ok);
                    }
                }
            }
            double ms = (System.nanoTime() - started) / 1e6 / Math.max(1, queries.size());
            int n = queries.size();
            System.out.printf(Locale.ROOT, "Banking77 simulated conversations: %d (validation %.2f, seed %d)%n", n, validation, seed);
            System.out.printf(Locale.ROOT, "recall@1 %.1f%%  recall@3 %.1f%%  abstained %.1f%%  (%.1f ms per turn)%n",
                    100.0 * at1 / n, 100.0 * at3 / n, 100.0 * abstained / n, ms);
            // As counted before macros named their intents (a macro was always a miss): comparable with older figures.
            System.out.printf(Locale.ROOT, "articles only: recall@1 %.1f%%  recall@3 %.1f%%%n", 100.0 * articleAt1 / n,
                    100.0 * articleAt3 / n);
            System.out.printf(Locale.ROOT, "A macro first: %d of %d questions, right (macro names the intent) for %d%n",
                    macroFirst, n, macroFirstRight);
            System.out.println("Re-ranker: none promoted yet (ranking by calibrated confidence)");
            if (calibrate) {
                String encoder = keywordsOnly ? "keywords"
                        : tandem.knowledgeBase.encoders().forLanguage(language).map(e -> e.modelId()).orElse("keywords");
                System.out.println("Curves for " + language + " (" + encoder + "):");
                Calibration.Curve curve = Calibration.fit(doubles(x), booleans(y));
                System.out.println((keywordsOnly ? "ARTICLE_KEYWORDS = " : "ARTICLE_VECTOR = ") + curve
                        + "  (" + x.size() + " article candidates, " + count(y) + " right)");
                Calibration.Curve macroCurve = Calibration.fit(doubles(macroX), booleans(macroY));
                System.out.println((keywordsOnly ? "MACRO_KEYWORDS = " : "MACRO_VECTOR = ") + macroCurve
                        + "  (" + macroX.size() + " macro candidates, " + count(macroY) + " right)");
                System.out.printf(Locale.ROOT, "Abstain bar for 70%% precision at 1 (articles): %.3f%n", bar(top));
                System.out.printf(Locale.ROOT, "Abstain bar for 70%% precision at 1 (top candidate, articles and macros): %.3f%n",
                        bar(topAny));
            }
        }
        return 0;
    }

    /**
     * The lowest confidence of a top candidate at which precision at 1 over the questions answered (those
     * whose top candidate is at least that confident) is still 70 %; 1 when it never is.
     */
    private static double bar(List<double[]> top) {
        List<double[]> sorted = new ArrayList<>(top);
        sorted.sort((a, b) -> Double.compare(b[0], a[0]));
        int right = 0;
        double bar = 1;
        for (int i = 0; i < sorted.size(); i++) {
            right += (int) sorted.get(i)[1];
            if ((double) right / (i + 1) >= 0.7) {
                bar = sorted.get(i)[0];
            }
        }
        return bar;
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean[] booleans(List<Boolean> values) {
        boolean[] out = new boolean[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static long count(List<Boolean> values) {
        return values.stream().filter(Boolean::booleanValue).count();
    }
}
