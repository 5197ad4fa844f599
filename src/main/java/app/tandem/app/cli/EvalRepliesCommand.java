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
import app.tandem.eval.LabelledText;
import app.tandem.eval.ReplayEvaluation;
import app.tandem.kb.Article;
import app.tandem.work.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem eval replies}: replays simulated Banking77 conversations (a validation utterance as
 * the customer's turn; the reply is right when it comes from an article listing the intent) through
 * the whole suggestion engine and reports recall@1/@3 of the right reply, the abstain rate, and the
 * Platt constants and abstain bar for {@link Calibration} with {@code --calibrate}. With
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

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of each intent held out (default 0.1)")
    double validation;

    @Option(names = "--seed", defaultValue = "77")
    long seed;

    @Option(names = "--limit", defaultValue = "0", description = "Evaluate at most this many questions, or conversations with banking77-conversations (0 = all)")
    int limit;

    @Option(names = "--calibrate", description = "Fit the article confidence curve and the abstain bar, and print them")
    boolean calibrate;

    @Option(names = "--keywords-only", description = "Skip the language models (BM25 only)")
    boolean keywordsOnly;

    @Option(names = "--test", paramLabel = "FILE", description = "CSV text,category (Banking77 intent names): ask these questions"
            + " instead of the Banking77 split, e.g. src/test/resources/eval/zh-customer-questions.csv")
    Path test;

    @Override
    public Integer call() throws Exception {
        if (dataset.equals(SimulatedConversationsRun.DATASET)) {
            return new SimulatedConversationsRun(validation, seed, limit, out, keywordsOnly).call();
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
        try (Tandem tandem = Tandem.start(data, Progress.NONE, !keywordsOnly)) {
            if (!keywordsOnly) {
                if (!tandem.awaitVectors(Datasets.majorityLanguage(queries), Duration.ofMinutes(10))) {
                    System.err.println("The sentence encoders did not load (" + tandem.engineStatus() + "): keywords only.");
                }
                System.out.println("Engine: " + tandem.engineStatus());
            }
            Map<String, Set<String>> intentsOf = new HashMap<>();
            for (Article a : tandem.knowledgeBase.all()) {
                intentsOf.put(a.id(), new HashSet<>(a.intents()));
            }
            int at1 = 0;
            int at3 = 0;
            int abstained = 0;
            List<Double> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            List<double[]> top = new ArrayList<>();
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
                    if (right(replies.get(i).source(), replies.get(i).sourceRef(), q.label(), intentsOf)) {
                        at1 += i == 0 ? 1 : 0;
                        at3 += i < 3 ? 1 : 0;
                        break;
                    }
                }
                abstained += replies.isEmpty() ? 1 : 0;
                boolean firstArticle = true;
                for (AssistService.Candidate c : r.all()) {
                    if (c.source() == SuggestionSource.ARTICLE) {
                        boolean ok = right(c.source(), c.sourceRef(), q.label(), intentsOf);
                        x.add(c.searchRank() > 0 && !keywordsOnly ? c.rawScore() : Math.log1p(Math.max(0, c.rawScore())));
                        y.add(ok);
                        if (firstArticle) {
                            top.add(new double[] {c.confidence(), ok ? 1 : 0});
                            firstArticle = false;
                        }
                    }
                }
            }
            double ms = (System.nanoTime() - started) / 1e6 / Math.max(1, queries.size());
            int n = queries.size();
            System.out.printf(Locale.ROOT, "Banking77 simulated conversations: %d (validation %.2f, seed %d)%n", n, validation, seed);
            System.out.printf(Locale.ROOT, "recall@1 %.1f%%  recall@3 %.1f%%  abstained %.1f%%  (%.1f ms per turn)%n",
                    100.0 * at1 / n, 100.0 * at3 / n, 100.0 * abstained / n, ms);
            System.out.println("Re-ranker: none promoted yet (ranking by calibrated confidence)");
            if (calibrate) {
                double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
                boolean[] ys = new boolean[y.size()];
                for (int i = 0; i < ys.length; i++) {
                    ys[i] = y.get(i);
                }
                Calibration.Curve curve = Calibration.fit(xs, ys);
                System.out.println((keywordsOnly ? "ARTICLE_KEYWORDS = " : "ARTICLE_VECTOR = ") + curve
                        + "  (" + xs.length + " article candidates)");
                top.sort((a, b) -> Double.compare(b[0], a[0]));
                int right = 0;
                double bar = 1;
                for (int i = 0; i < top.size(); i++) {
                    right += (int) top.get(i)[1];
                    if ((double) right / (i + 1) >= 0.7) {
                        bar = top.get(i)[0];
                    }
                }
                System.out.printf(Locale.ROOT, "Abstain bar for 70%% precision at 1 (articles): %.3f%n", bar);
            }
        }
        return 0;
    }

    private static boolean right(SuggestionSource source, String ref, String label, Map<String, Set<String>> intentsOf) {
        return source == SuggestionSource.ARTICLE && intentsOf.getOrDefault(ref, Set.of()).contains(label);
    }
}
