package app.tandem.assist;

import java.util.Locale;
import java.util.Map;

/**
 * Turns each source's raw score into a calibrated confidence 0..1 (Platt scaling: a logistic curve
 * fitted to "was this suggestion right?"), and the bar below which Tandem abstains.
 *
 * <p>The constants come from {@code java -jar target/tandem.jar eval replies --calibrate}, which replays
 * the Banking77 validation split (English) or our Chinese customer questions ({@code --test}) as one-turn
 * conversations, records (raw score, right?) for article and macro candidates (right: the article or
 * macro names the question's intent) and fits a and b; see docs/replies.md for the runs and their figures.
 * Vector curves are kept per sentence encoder ({@link #forEncoder}). Re-run it when the encoders change.
 */
public final class Calibration {

    /**
     * The vector curves of one sentence encoder. A cosine means something different per encoder:
     * bge-small-zh-v1.5 scores short phrases that share a character such as 卡 (card) alike, so borrowing
     * the English curves made a Chinese macro at cosine 0.52 outrank the right article at 0.42, and a macro
     * came first for 57 of our 154 Chinese customer questions.
     *
     * @param article article hit: x = cosine(query, best passage or learned question)
     * @param macro   macro: x = best cosine between the context and the macro's title and trigger phrasings;
     *                right when the macro names the question's intent
     * @param history past reply: x = cosine between the context and the customer messages it answered. There
     *                is no labelled past-reply data: it borrows the encoder's article curve. Re-fit from feedback.
     * @param topicShift cosine between the current turn and the earlier context below which the customer has
     *                changed the subject ({@link ConversationContext}); it depends on the encoder too
     */
    public record VectorCurves(Curve article, Curve macro, Curve history, double topicShift) {}

    /**
     * all-MiniLM-L6-v2 (English). Article: fitted by {@code eval replies --limit 300 --calibrate} (1,500
     * article candidates; a re-fit after macros named their intents gave (11.20, -8.18), the same): the
     * probability that this article, at whatever rank, is the right one. Macro: same command, 900 macro
     * candidates (3 per question, 39 right: the macro names the question's intent). It used to borrow the
     * article curve; a first hand-set curve before that ranked macros above better articles and cost 12
     * points of recall@1.
     */
    static final VectorCurves ALL_MINILM_L6_V2 = new VectorCurves(new Curve(11.22, -8.19), new Curve(14.06, -10.61),
            new Curve(11.22, -8.19), ConversationContext.TOPIC_SHIFT);
    /**
     * bge-small-zh-v1.5 (Chinese). Fitted by {@code eval replies --test
     * src/test/resources/eval/zh-customer-questions.csv --calibrate} on our 154 Chinese customer questions
     * (two per Banking77 intent): article 770 candidates (139 right), macro 462 candidates (20 right). Both
     * are steeper and further right than the English ones: the same cosine is worth less here. Topic shift:
     * 0.48 from {@code eval topic-shift --questions src/test/resources/eval/zh-customer-questions.csv}, the
     * cosine that counts as many different-intent question pairs as a new topic (40.7 %) as the English 0.16
     * does on Banking77; at 0.16 no Chinese turn was ever read as a change of subject (unrelated sentences
     * score about 0.5 here).
     */
    static final VectorCurves BGE_SMALL_ZH_V1_5 = new VectorCurves(new Curve(19.71, -14.51), new Curve(26.23, -21.51),
            new Curve(19.71, -14.51), 0.48);

    /** By encoder model id ({@code TextEncoder.modelId()}). */
    private static final Map<String, VectorCurves> BY_ENCODER = Map.of(
            "all-minilm-l6-v2", ALL_MINILM_L6_V2,
            "bge-small-zh-v1.5", BGE_SMALL_ZH_V1_5);

    /**
     * Article hit found by keywords only: x = ln(1 + BM25 score). Fitted by {@code eval replies --limit 300
     * --calibrate --keywords-only} (1,119 article candidates). The hand-set curve before it, (2.10, -2.90),
     * gave a typical hit (x = 1.5) 0.56 where 9 % of such hits are right, so Tandem hardly ever abstained
     * without its models. One curve serves both languages: fitted on our 154 Chinese customer questions
     * ({@code eval replies --test src/test/resources/eval/zh-customer-questions.csv --calibrate
     * --keywords-only}, 763 candidates, with the Chinese stop list) it came out (2.91, -7.00).
     */
    static final Curve ARTICLE_KEYWORDS = new Curve(3.00, -6.82);
    /**
     * Macro without vectors: x = share of a trigger's words the customer used. The curve keeps the order
     * against keyword article hits that the hand-set pair (7.0, -5.0) for macros and (2.10, -2.90) for
     * articles gave, moved onto the fitted article curve (logits are linear in x, so
     * 3.00 (7.0 x - 5.0 + 2.90) / 2.10 - 6.82 = 10.0 x - 9.82). Left at (7.0, -5.0), macros outranked
     * the right article and single-turn recall@1 without models fell from 54.0 to 47.0 %.
     */
    static final Curve MACRO_KEYWORDS = new Curve(10.0, -9.82);

    /**
     * The curves fitted for {@code encoderId}. An encoder without its own fit (bge-small-en-v1.5, if
     * configured for English) gets all-MiniLM-L6-v2's: the curves it was used with until now. Re-run
     * {@code eval replies --calibrate} for it and add it here.
     */
    public static VectorCurves forEncoder(String encoderId) {
        return BY_ENCODER.getOrDefault(encoderId, ALL_MINILM_L6_V2);
    }

    /**
     * Below this calibrated confidence a suggestion is not shown; with none left Tandem abstains.
     * From {@code eval replies --limit 300 --calibrate}: the top article's cosine at which precision at 1
     * over the turns answered falls to 70 % was 0.537; on the fitted curve that is 0.10. It is low
     * because the curve is per candidate, and a top candidate at that cosine is right far more often
     * than a third-ranked one; see docs/replies.md.
     *
     * <p>One bar serves both languages because the curves are per encoder: the same rule on the Chinese
     * curves ({@code eval replies --test src/test/resources/eval/zh-customer-questions.csv --calibrate})
     * gives 0.118 (cosine 0.63 with bge-small-zh-v1.5), and at 0.10 Chinese questions abstain 7.8 % of the
     * time against 8.3 % in English. With the borrowed English curves no Chinese question ever abstained.
     */
    public static final double ABSTAIN_BELOW = 0.10;

    private Calibration() {}

    /** A logistic curve {@code 1 / (1 + e^-(a x + b))}. */
    public record Curve(double a, double b) {
        public double apply(double x) {
            return 1 / (1 + Math.exp(-(a * x + b)));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "new Curve(%.2f, %.2f)", a, b);
        }
    }

    /**
     * Fits a curve to (score, right?) pairs by Newton's method on the log-loss, with Platt's smoothed
     * targets so that a perfectly separable set does not run off to infinity. It starts from the base
     * rate (a = 0) and halves a step that would raise the loss: plain Newton from a = 1, b = 0 ran off to
     * a = -4e8 on the keyword scores (ln(1 + BM25) between 0.9 and 3.1).
     */
    public static Curve fit(double[] x, boolean[] right) {
        int positives = 0;
        for (boolean r : right) {
            positives += r ? 1 : 0;
        }
        int negatives = right.length - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double a = 0;
        double b = Math.log((positives + 1.0) / (negatives + 1.0));
        double loss = logLoss(x, right, hi, lo, a, b);
        for (int iteration = 0; iteration < 100; iteration++) {
            double gA = 0;
            double gB = 0;
            double hAA = 1e-9;
            double hAB = 0;
            double hBB = 1e-9;
            for (int i = 0; i < x.length; i++) {
                double p = 1 / (1 + Math.exp(-(a * x[i] + b)));
                double t = right[i] ? hi : lo;
                double w = p * (1 - p);
                gA += (p - t) * x[i];
                gB += p - t;
                hAA += w * x[i] * x[i];
                hAB += w * x[i];
                hBB += w;
            }
            double det = hAA * hBB - hAB * hAB;
            if (Math.abs(det) < 1e-12) {
                break;
            }
            double dA = (hBB * gA - hAB * gB) / det;
            double dB = (hAA * gB - hAB * gA) / det;
            double step = 1;
            double next = logLoss(x, right, hi, lo, a - dA, b - dB);
            while (next > loss && step > 1e-6) {
                step /= 2;
                next = logLoss(x, right, hi, lo, a - step * dA, b - step * dB);
            }
            if (next > loss) {
                break; // no step lowers the loss: at the minimum, as far as doubles tell
            }
            a -= step * dA;
            b -= step * dB;
            loss = next;
            if (step * (Math.abs(dA) + Math.abs(dB)) < 1e-9) {
                break;
            }
        }
        return new Curve(a, b);
    }

    /** Cross-entropy against the smoothed targets, computed without overflow for large |z|. */
    private static double logLoss(double[] x, boolean[] right, double hi, double lo, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = a * x[i] + b;
            double t = right[i] ? hi : lo;
            // -log p = log(1 + e^-z), -log(1 - p) = log(1 + e^z)
            sum += t * softplus(-z) + (1 - t) * softplus(z);
        }
        return sum;
    }

    private static double softplus(double z) {
        return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
    }
}
