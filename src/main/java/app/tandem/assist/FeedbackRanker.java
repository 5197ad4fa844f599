package app.tandem.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A re-ranker learned from what agents did with suggestions: logistic regression over features known
 * both when a suggestion was logged and when a new one is ranked (calibrated confidence, source, how
 * often the same article/macro/reply was used before, how often this agent uses this source). Trained
 * in plain Java (a dozen weights do not need DJL), and only promoted by {@link #train} when it puts the
 * used suggestion first more often than the plain confidence order on the held-out, most recent fifth.
 */
public final class FeedbackRanker implements SuggestionRanker {

    static final int FEATURES = 7;
    /** Fewer shown turns with an agent's choice than this, and there is nothing to learn from yet. */
    public static final int MIN_GROUPS = 30;

    private final double[] weights;
    private final Map<String, Double> refRate;
    private final Map<String, Double> agentSourceRate;
    private final String agent;

    private FeedbackRanker(double[] weights, Map<String, Double> refRate, Map<String, Double> agentSourceRate, String agent) {
        this.weights = weights;
        this.refRate = refRate;
        this.agentSourceRate = agentSourceRate;
        this.agent = agent;
    }

    /** What a training run found: the held-out top-1 rates of both orders, and whether to promote. */
    public record Report(int trainGroups, int heldOutGroups, double baselineTop1, double rerankedTop1, boolean promote,
                         FeedbackRanker ranker) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "train %d, held out %d turns: top-1 used %.1f%% by confidence, %.1f%% re-ranked%s",
                    trainGroups, heldOutGroups, 100 * baselineTop1, 100 * rerankedTop1, promote ? " → promoted" : " → kept the current ranking");
        }
    }

    /** The same ranker, with the agent whose own habits count. */
    public FeedbackRanker forAgent(String agentName) {
        return new FeedbackRanker(weights, refRate, agentSourceRate, agentName);
    }

    @Override
    public List<AssistService.Candidate> order(List<AssistService.Candidate> candidates) {
        List<AssistService.Candidate> sorted = new ArrayList<>(candidates);
        Map<AssistService.Candidate, Double> p = new HashMap<>();
        for (AssistService.Candidate c : candidates) {
            p.put(c, predict(features(c.confidence(), c.source(), c.sourceRef(), agent)));
        }
        sorted.sort(Comparator.comparingDouble(p::get).reversed());
        return sorted;
    }

    double[] features(double confidence, SuggestionSource source, String ref, String agentName) {
        return new double[] {1, confidence, source == SuggestionSource.ARTICLE ? 1 : 0, source == SuggestionSource.MACRO ? 1 : 0,
                source == SuggestionSource.HISTORY ? 1 : 0, refRate.getOrDefault(ref, 0.0),
                agentSourceRate.getOrDefault(agentName + "|" + source, 0.0)};
    }

    double predict(double[] x) {
        double z = 0;
        for (int i = 0; i < x.length; i++) {
            z += weights[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Trains on logged suggestions with an action (oldest first), holding out the most recent fifth
     * of the shown turns, and reports whether the new ranking beats the confidence order there.
     */
    public static Report train(List<SuggestionLog.Logged> logged) {
        Map<String, List<SuggestionLog.Logged>> groups = new LinkedHashMap<>();
        for (SuggestionLog.Logged s : logged) {
            if (s.action() != null) {
                groups.computeIfAbsent(s.conversationId() + ":" + s.messageSeq(), k -> new ArrayList<>()).add(s);
            }
        }
        List<List<SuggestionLog.Logged>> all = new ArrayList<>(groups.values());
        int split = (int) Math.round(all.size() * 0.8);
        List<List<SuggestionLog.Logged>> train = all.subList(0, split);
        List<List<SuggestionLog.Logged>> held = all.subList(split, all.size());

        Map<String, double[]> refCounts = new HashMap<>();
        Map<String, double[]> agentCounts = new HashMap<>();
        for (List<SuggestionLog.Logged> g : train) {
            for (SuggestionLog.Logged s : g) {
                double used = used(s) ? 1 : 0;
                double[] r = refCounts.computeIfAbsent(s.sourceRef(), k -> new double[2]);
                r[0] += used;
                r[1]++;
                double[] a = agentCounts.computeIfAbsent(s.agent() + "|" + s.source(), k -> new double[2]);
                a[0] += used;
                a[1]++;
            }
        }
        // Smoothed towards zero so one lucky use does not make an article look perfect.
        Map<String, Double> refRate = new HashMap<>();
        refCounts.forEach((k, v) -> refRate.put(k, v[0] / (v[1] + 2)));
        Map<String, Double> agentRate = new HashMap<>();
        agentCounts.forEach((k, v) -> agentRate.put(k, v[0] / (v[1] + 2)));

        FeedbackRanker model = new FeedbackRanker(new double[FEATURES], refRate, agentRate, "");
        double rate = 0.5;
        double l2 = 1e-3;
        for (int epoch = 0; epoch < 300; epoch++) {
            double[] grad = new double[FEATURES];
            int n = 0;
            for (List<SuggestionLog.Logged> g : train) {
                for (SuggestionLog.Logged s : g) {
                    double[] x = model.features(s.score(), s.source(), s.sourceRef(), s.agent());
                    double err = model.predict(x) - (used(s) ? 1 : 0);
                    for (int i = 0; i < FEATURES; i++) {
                        grad[i] += err * x[i];
                    }
                    n++;
                }
            }
            for (int i = 0; i < FEATURES && n > 0; i++) {
                model.weights[i] -= rate * (grad[i] / n + l2 * model.weights[i]);
            }
        }
        double baseline = top1(held, s -> s.score(), model);
        double reranked = top1(held, s -> model.predict(model.features(s.score(), s.source(), s.sourceRef(), s.agent())), model);
        boolean promote = train.size() >= MIN_GROUPS && !held.isEmpty() && reranked > baseline;
        return new Report(train.size(), held.size(), baseline, reranked, promote, model);
    }

    private static boolean used(SuggestionLog.Logged s) {
        return s.action() == SuggestionAction.ACCEPTED || s.action() == SuggestionAction.EDITED;
    }

    /** Of the turns where the agent used a suggestion, how often the order put it first. */
    private static double top1(List<List<SuggestionLog.Logged>> groups, java.util.function.ToDoubleFunction<SuggestionLog.Logged> score,
                               FeedbackRanker model) {
        int withUse = 0;
        int first = 0;
        for (List<SuggestionLog.Logged> g : groups) {
            if (g.stream().noneMatch(FeedbackRanker::used)) {
                continue;
            }
            withUse++;
            SuggestionLog.Logged best = g.stream().max(Comparator.comparingDouble(score)).orElseThrow();
            first += used(best) ? 1 : 0;
        }
        return withUse == 0 ? 0 : (double) first / withUse;
    }

    public double[] weights() {
        return weights.clone();
    }
}
