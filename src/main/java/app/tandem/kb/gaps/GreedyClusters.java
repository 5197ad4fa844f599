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
