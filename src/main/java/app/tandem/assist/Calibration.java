package app.tandem.assist;

import java.util.Locale;

/**
 * Turns each source's raw score into a calibrated confidence 0..1 (Platt scaling: a logistic curve
 * fitted to "was this suggestion right?"), and the bar below which Tandem abstains.
 *
 * <p>The constants come from {@code java -jar target/tandem.jar eval replies --calibrate}, which replays
 * the Banking77 validation split as simulated conversations, records (raw score, right article?) for
 * each source and fits a and b; see docs/replies.md for the run and its figures. Re-run it when the
 * encoders change.
 */
public final class Calibration {

    /**
     * Article hit with a sentence vector: x = cosine(query, best passage or learned question).
     * Fitted by {@code eval replies --limit 300 --calibrate} (1,500 article candidates, all-MiniLM-L6-v2):
     * the probability that this article, at whatever rank, is the right one.
     */
    static final Curve ARTICLE_VECTOR = new Curve(11.22, -8.19);
    /** Article hit found by keywords only: x = ln(1 + BM25 score). Set by hand (not fitted yet). */
    static final Curve ARTICLE_KEYWORDS = new Curve(2.10, -2.90);
    /**
     * Macro: x = best cosine between the context and the macro's title and trigger phrasings. There is
     * no labelled macro data yet, so it borrows the article curve: the same cosine, the same confidence.
     * (A first hand-set curve ranked macros above better articles and cost 12 points of recall@1 in
     * {@code eval replies}.) Macro and history curves: re-fit from feedback once there is enough.
     */
    static final Curve MACRO_VECTOR = new Curve(11.22, -8.19);
    /** Macro without vectors: x = share of a trigger's words the customer used. */
    static final Curve MACRO_KEYWORDS = new Curve(7.0, -5.0);
    /** Past reply: x = cosine between the context and the customer messages the reply answered. */
    static final Curve HISTORY_VECTOR = new Curve(11.22, -8.19);

    /**
     * Below this calibrated confidence a suggestion is not shown; with none left Tandem abstains.
     * From {@code eval replies --limit 300 --calibrate}: the top article's cosine at which precision at 1
     * over the turns answered falls to 70 % was 0.537; on the fitted curve that is 0.10. It is low
     * because the curve is per candidate, and a top candidate at that cosine is right far more often
     * than a third-ranked one; see docs/replies.md.
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
     * targets so that a perfectly separable set does not run off to infinity.
     */
    public static Curve fit(double[] x, boolean[] right) {
        int positives = 0;
        for (boolean r : right) {
            positives += r ? 1 : 0;
        }
        int negatives = right.length - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double a = 1;
        double b = 0;
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
            a -= dA;
            b -= dB;
            if (Math.abs(dA) + Math.abs(dB) < 1e-9) {
                break;
            }
        }
        return new Curve(a, b);
    }
}
