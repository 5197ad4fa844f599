package app.tandem.assist;

import app.tandem.ml.train.FeatureClassifier;
import app.tandem.ml.train.FeatureClassifierTrainer;
import app.tandem.ml.train.HeadTrainer;
import app.tandem.ml.train.LinearHead;
import app.tandem.ml.train.Standardizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A re-ranker learned from what agents did with suggestions: a two-class softmax (used / not used)
 * over {@link RankingFeatures} — calibrated confidence, raw similarity, search rank, source, the
 * source's smoothed use rate, days since it was last used, and this agent's use rate of the source
 * kind. Trained with DJL on the PyTorch engine ({@link FeatureClassifierTrainer}); scoring a turn is a
 * dot product in plain Java. {@link #train} promotes it only when it puts the used suggestion first
 * clearly more often than the plain confidence order on the held-out, most recent fifth of the turns.
 */
public final class FeedbackRanker implements SuggestionRanker {

    /** Fewer shown turns with an agent's choice than this, and there is nothing to learn from yet. */
    public static final int MIN_GROUPS = 30;
    static final List<String> LABELS = List.of("not-used", "used");
    private static final int USED = 1;
    /** The most recent part of the training turns that early stopping watches. */
    private static final double VALIDATION_SHARE = 0.15;
    /**
     * Significance of the one-sided sign test on the held-out turns where exactly one order puts the
     * used suggestion first: without it, a ranker that learned noise would be promoted about half the
     * time by luck.
     */
    static final double PROMOTION_P = 0.05;
    private static final HeadTrainer.Settings TRAINING = new HeadTrainer.Settings(200, 128, 0.05f, 1e-4f, 20, 7);

    private final FeatureClassifier model;
    private final FeedbackHistory history;
    private final String agent;
    private final Clock clock;

    private FeedbackRanker(FeatureClassifier model, FeedbackHistory history, String agent, Clock clock) {
        this.model = model;
        this.history = history;
        this.agent = agent;
        this.clock = clock;
    }

    /**
     * What a training run found: the held-out top-1 rates of both orders, on how many held-out turns
     * only the re-ranked order ({@code rerankedOnlyFirst}) or only the confidence order
     * ({@code baselineOnlyFirst}) put the used suggestion first, and whether to promote.
     */
    public record Report(int trainGroups, int heldOutGroups, double baselineTop1, double rerankedTop1, boolean promote,
                         FeedbackRanker ranker, int rerankedOnlyFirst, int baselineOnlyFirst) {

        public Report(int trainGroups, int heldOutGroups, double baselineTop1, double rerankedTop1, boolean promote,
                      FeedbackRanker ranker) {
            this(trainGroups, heldOutGroups, baselineTop1, rerankedTop1, promote, ranker, 0, 0);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "train %d, held out %d turns: top-1 used %.1f%% by confidence, %.1f%% re-ranked"
                            + " (better on %d turns, worse on %d)%s",
                    trainGroups, heldOutGroups, 100 * baselineTop1, 100 * rerankedTop1, rerankedOnlyFirst, baselineOnlyFirst,
                    promote ? " → promoted" : " → kept the current ranking");
        }
    }

    /** The same ranker, with the agent whose own habits count. */
    public FeedbackRanker forAgent(String agentName) {
        return new FeedbackRanker(model, history, agentName, clock);
    }

    /** The same ranker, reading "now" (for days since a source was last used) from {@code c}. */
    FeedbackRanker withClock(Clock c) {
        return new FeedbackRanker(model, history, agent, c);
    }

    @Override
    public List<AssistService.Candidate> order(List<AssistService.Candidate> candidates) {
        Instant now = clock.instant();
        List<Scored> scored = new ArrayList<>(candidates.size());
        for (AssistService.Candidate c : candidates) {
            scored.add(new Scored(c, usedProbability(RankingFeatures.of(c, agent, now, history))));
        }
        // Ties (an untrained model) fall back to the confidence order, not the order sources were asked.
        scored.sort(Comparator.comparingDouble(Scored::p).reversed()
                .thenComparing(Comparator.comparingDouble((Scored s) -> s.candidate().confidence()).reversed()));
        return scored.stream().map(Scored::candidate).toList();
    }

    private record Scored(AssistService.Candidate candidate, double p) {}

    double usedProbability(double[] features) {
        return model.probabilities(features)[USED];
    }

    /** The learned model (standardisation and weights), for saving. */
    public FeatureClassifier model() {
        return model;
    }

    /**
     * The logit weights of "used" over "not used": the bias first, then one per standardised feature in
     * {@link RankingFeatures#NAMES} order (positive: more of it, more likely used).
     */
    public double[] weights() {
        LinearHead head = model.head();
        int dims = head.dims();
        double[] w = new double[dims + 1];
        w[0] = head.bias()[USED] - head.bias()[1 - USED];
        for (int d = 0; d < dims; d++) {
            w[d + 1] = head.weights()[USED * dims + d] - head.weights()[(1 - USED) * dims + d];
        }
        return w;
    }

    /** Feature names in {@link #weights()} order after the bias. */
    public static List<String> featureNames() {
        return RankingFeatures.NAMES;
    }

    /**
     * A saved model, with the source statistics rebuilt from {@code feedback} (oldest first); empty
     * when the model was trained on other features than this version computes.
     */
    public static Optional<FeedbackRanker> restore(FeatureClassifier saved, List<SuggestionLog.Logged> feedback) {
        if (!saved.features().equals(RankingFeatures.NAMES) || !saved.head().labels().equals(LABELS)) {
            return Optional.empty();
        }
        return Optional.of(new FeedbackRanker(saved, FeedbackTurns.walk(feedback).history(), "", Clock.systemUTC()));
    }

    /**
     * Trains on logged suggestions with an action (oldest first), holding out the most recent fifth
     * of the shown turns, and reports whether the new ranking beats the confidence order there.
     */
    public static Report train(List<SuggestionLog.Logged> logged) {
        FeedbackTurns.Walk walk = FeedbackTurns.walk(logged);
        List<FeedbackTurns.Turn> all = walk.turns();
        int split = (int) Math.round(all.size() * 0.8);
        List<FeedbackTurns.Turn> train = all.subList(0, split);
        List<FeedbackTurns.Turn> held = all.subList(split, all.size());
        if (train.size() < MIN_GROUPS || held.isEmpty()) {
            double baseline = HeldOut.top1(held, (turn, i) -> turn.shown().get(i).score());
            return new Report(train.size(), held.size(), baseline, baseline, false, untrained(walk.history()));
        }
        // Early stopping watches the latest training turns: the nearest thing to the held-out future.
        int fit = train.size() - Math.max(1, (int) Math.round(train.size() * VALIDATION_SHARE));
        Rows fitRows = Rows.of(train.subList(0, fit));
        Rows validationRows = Rows.of(train.subList(fit, train.size()));
        FeatureClassifierTrainer.Trained trained = FeatureClassifierTrainer.train(RankingFeatures.NAMES, fitRows.x(),
                fitRows.used(), validationRows.x(), validationRows.used(), LABELS, TRAINING);
        FeedbackRanker ranker = new FeedbackRanker(trained.model(), walk.history(), "", Clock.systemUTC());

        HeldOut.Comparison c = HeldOut.compare(held, (turn, i) -> turn.shown().get(i).score(),
                (turn, i) -> ranker.usedProbability(turn.features()[i]));
        boolean clearlyBetter = c.secondTop1() > c.firstTop1()
                && HeldOut.signTestP(c.secondOnly(), c.firstOnly()) < PROMOTION_P;
        return new Report(train.size(), held.size(), c.firstTop1(), c.secondTop1(), clearlyBetter, ranker,
                c.secondOnly(), c.firstOnly());
    }

    /** A ranker that knows nothing yet: every candidate equally likely, so the confidence order stands. */
    private static FeedbackRanker untrained(FeedbackHistory history) {
        int dims = RankingFeatures.NAMES.size();
        float[] ones = new float[dims];
        java.util.Arrays.fill(ones, 1f);
        FeatureClassifier nothing = new FeatureClassifier(RankingFeatures.NAMES, new Standardizer(new float[dims], ones),
                new LinearHead(LABELS, dims, new float[LABELS.size() * dims], new float[LABELS.size()]));
        return new FeedbackRanker(nothing, history, "", Clock.systemUTC());
    }

    /** Training rows: one per shown suggestion, labelled used or not. */
    private record Rows(double[][] x, boolean[] used) {
        static Rows of(List<FeedbackTurns.Turn> turns) {
            List<double[]> x = new ArrayList<>();
            List<Boolean> y = new ArrayList<>();
            for (FeedbackTurns.Turn t : turns) {
                for (int i = 0; i < t.shown().size(); i++) {
                    x.add(t.features()[i]);
                    y.add(t.shown().get(i).used());
                }
            }
            boolean[] used = new boolean[y.size()];
            for (int i = 0; i < used.length; i++) {
                used[i] = y.get(i);
            }
            return new Rows(x.toArray(new double[0][]), used);
        }
    }
}
