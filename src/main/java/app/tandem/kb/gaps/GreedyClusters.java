package app.tandem.kb.gaps;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Single-pass threshold clustering: each item joins the group whose first member ("leader") is
 * most similar to it, if at least {@code threshold}, else starts a group. Good enough for tens to
 * a few thousand questions, and easy to explain; groups come out largest first.
 */
final class GreedyClusters {

    private GreedyClusters() {}

    static <T> List<List<T>> group(List<T> items, ToDoubleBiFunction<T, T> similarity, double threshold) {
        List<List<T>> groups = new ArrayList<>();
        for (T item : items) {
            List<T> best = null;
            double bestScore = threshold;
            for (List<T> g : groups) {
                double s = similarity.applyAsDouble(g.get(0), item);
                if (s >= bestScore) {
                    best = g;
                    bestScore = s;
                }
            }
            if (best == null) {
                best = new ArrayList<>();
                groups.add(best);
            }
            best.add(item);
        }
        groups.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return groups;
    }

    /** Above this many groups the merge pass is skipped: it costs the cube of the group count. */
    static final int MAX_GROUPS_TO_MERGE = 800;

    /**
     * Second pass: merges the two groups with the highest average pairwise similarity while it is at
     * least {@code threshold} (average linkage). Leader clustering alone splits one topic into several
     * groups when its first question is worded oddly; this joins them again.
     */
    static <T> List<List<T>> mergeByAverageLinkage(List<List<T>> groups, ToDoubleBiFunction<T, T> similarity, double threshold) {
        int n = groups.size();
        if (n < 2 || n > MAX_GROUPS_TO_MERGE) {
            return groups;
        }
        List<List<T>> live = new ArrayList<>();
        groups.forEach(g -> live.add(new ArrayList<>(g)));
        double[][] sum = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (T a : live.get(i)) {
                    for (T b : live.get(j)) {
                        s += similarity.applyAsDouble(a, b);
                    }
                }
                sum[i][j] = s;
                sum[j][i] = s;
            }
        }
        boolean[] gone = new boolean[n];
        while (true) {
            int bi = -1;
            int bj = -1;
            double best = threshold;
            for (int i = 0; i < n; i++) {
                if (gone[i]) {
                    continue;
                }
                for (int j = i + 1; j < n; j++) {
                    if (!gone[j]) {
                        double avg = sum[i][j] / ((double) live.get(i).size() * live.get(j).size());
                        if (avg >= best) {
                            best = avg;
                            bi = i;
                            bj = j;
                        }
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            live.get(bi).addAll(live.get(bj));
            gone[bj] = true;
            for (int k = 0; k < n; k++) {
                sum[bi][k] += sum[bj][k];
                sum[k][bi] = sum[bi][k];
            }
        }
        List<List<T>> merged = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!gone[i]) {
                merged.add(live.get(i));
            }
        }
        merged.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return merged;
    }

    /** The member most similar to the others: the group's most typical wording. */
    static <T> T central(List<T> group, ToDoubleBiFunction<T, T> similarity) {
        T best = group.get(0);
        double bestSum = -1;
        for (T a : group) {
            double sum = 0;
            for (T b : group) {
                if (a != b) {
                    sum += similarity.applyAsDouble(a, b);
                }
            }
            if (sum > bestSum) {
                best = a;
                bestSum = sum;
            }
        }
        return best;
    }
}
