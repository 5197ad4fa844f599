package app.tandem.nlp.intent;

import java.util.Arrays;

/**
 * Chooses the max-softmax confidence below which a turn counts as out of scope, on validation data:
 * the threshold with the best <em>balanced</em> accuracy, the mean of the in-scope rate (in-scope
 * validation examples right: correct and not flagged) and the out-of-scope rate (out-of-scope examples
 * flagged). Balanced, because validation sets hold far fewer out-of-scope examples than a desk sees
 * (CLINC150: 100 against 3,000 in scope, 3 %, while its test set has 18 %): plain accuracy over the
 * pooled examples all but ignores them and chose a threshold that flagged 40 % of CLINC150's
 * out-of-scope test turns. Without out-of-scope examples there is nothing to calibrate on, and the
 * threshold is 0 (never flag).
 */
public final class OutOfScopeThreshold {

    private OutOfScopeThreshold() {}

    /**
     * @param inScopeConfidence max probability for each in-scope validation example
     * @param inScopeCorrect    whether its top intent was right
     * @param outOfScopeConfidence max probability for each out-of-scope example
     */
    public static double choose(double[] inScopeConfidence, boolean[] inScopeCorrect, double[] outOfScopeConfidence) {
        if (outOfScopeConfidence.length == 0) {
            return 0;
        }
        double[] candidates = new double[inScopeConfidence.length + outOfScopeConfidence.length + 1];
        System.arraycopy(inScopeConfidence, 0, candidates, 0, inScopeConfidence.length);
        System.arraycopy(outOfScopeConfidence, 0, candidates, inScopeConfidence.length, outOfScopeConfidence.length);
        candidates[candidates.length - 1] = 0;
        Arrays.sort(candidates);
        double best = 0;
        double bestScore = -1;
        for (double t : candidates) {
            int inRight = 0;
            for (int i = 0; i < inScopeConfidence.length; i++) {
                if (inScopeCorrect[i] && inScopeConfidence[i] >= t) {
                    inRight++;
                }
            }
            int flagged = 0;
            for (double c : outOfScopeConfidence) {
                if (c < t) {
                    flagged++;
                }
            }
            double inRate = inScopeConfidence.length == 0 ? 1 : (double) inRight / inScopeConfidence.length;
            double score = (inRate + (double) flagged / outOfScopeConfidence.length) / 2;
            if (score > bestScore) {
                bestScore = score;
                best = t;
            }
        }
        return best;
    }
}
