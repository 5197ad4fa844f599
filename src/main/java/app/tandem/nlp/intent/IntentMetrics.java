package app.tandem.nlp.intent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accuracy and macro-F1 of intent predictions, with out-of-scope figures when the data has
 * out-of-scope examples (CLINC150): {@code truth} uses {@link #OUT_OF_SCOPE} for them, and a
 * prediction flagged out of scope counts as predicting {@link #OUT_OF_SCOPE}.
 *
 * @param examples          scored examples
 * @param accuracy          over all examples (out-of-scope ones are right when flagged)
 * @param macroF1           mean F1 over the in-scope intents present in the truth
 * @param inScopeAccuracy   accuracy over in-scope examples only (NaN when none)
 * @param outOfScopeRecall  share of out-of-scope examples flagged (NaN when none)
 * @param outOfScopePrecision share of flagged predictions that were out of scope (NaN when nothing flagged)
 */
public record IntentMetrics(int examples, double accuracy, double macroF1, double inScopeAccuracy,
        double outOfScopeRecall, double outOfScopePrecision) {

    public static final String OUT_OF_SCOPE = "oos";

    public static IntentMetrics of(List<String> truth, List<IntentPrediction> predictions) {
        if (truth.size() != predictions.size()) {
            throw new IllegalArgumentException("one prediction per example");
        }
        int n = truth.size();
        int right = 0;
        int inScope = 0;
        int inScopeRight = 0;
        int oos = 0;
        int oosFlagged = 0;
        int flagged = 0;
        Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < n; i++) {
            String t = truth.get(i);
            String p = predictions.get(i).outOfScope() ? OUT_OF_SCOPE : predictions.get(i).intent();
            if (t.equals(p)) {
                right++;
            }
            if (p.equals(OUT_OF_SCOPE)) {
                flagged++;
            }
            if (t.equals(OUT_OF_SCOPE)) {
                oos++;
                if (p.equals(OUT_OF_SCOPE)) {
                    oosFlagged++;
                }
            } else {
                inScope++;
                labels.add(t);
                if (t.equals(p)) {
                    inScopeRight++;
                }
            }
            if (t.equals(p)) {
                counts.computeIfAbsent(t, k -> new int[3])[0]++;
            } else {
                counts.computeIfAbsent(p, k -> new int[3])[1]++;
                counts.computeIfAbsent(t, k -> new int[3])[2]++;
            }
        }
        double f1Sum = 0;
        for (String label : labels) {
            int[] c = counts.getOrDefault(label, new int[3]);
            double precision = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
            f1Sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new IntentMetrics(n, n == 0 ? Double.NaN : (double) right / n,
                labels.isEmpty() ? Double.NaN : f1Sum / labels.size(),
                inScope == 0 ? Double.NaN : (double) inScopeRight / inScope,
                oos == 0 ? Double.NaN : (double) oosFlagged / oos,
                flagged == 0 ? Double.NaN : (double) oosFlagged / flagged);
    }
}
