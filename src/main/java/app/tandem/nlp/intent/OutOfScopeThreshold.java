package app.tandem.nlp.intent;

import java.util.Arrays;

/**
 * Chooses the max-softmax confidence below which a turn counts as out of scope, on validation data:
 * the threshold with the best accuracy over in-scope validation examples (right only when correct and
 * not flagged) plus out-of-scope examples (right when flagged). Without out-of-scope examples there
 * is nothing to calibrate on, and the threshold is 0 (never flag).
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
        int bestRight = -1;
        for (double t : candidates) {
            int right = 0;
            for (int i = 0; i < inScopeConfidence.length; i++) {
                if (inScopeCorrect[i] && inScopeConfidence[i] >= t) {
                    right++;
                }
            }
            for (double c : outOfScopeConfidence) {
                if (c < t) {
                    right++;
                }
            }
            if (right > bestRight) {
                bestRight = right;
                best = t;
            }
        }
        return best;
    }
}
