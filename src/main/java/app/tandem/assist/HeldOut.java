package app.tandem.assist;

import java.util.List;

/** Compares two orders of the suggestions on held-out turns: how often each puts the used one first. */
final class HeldOut {

    /** A score for the {@code index}-th suggestion of a turn; higher comes first. */
    @FunctionalInterface
    interface TurnScore {
        double score(FeedbackTurns.Turn turn, int index);
    }

    /**
     * @param firstTop1  share of turns with a used suggestion where the first order put it first
     * @param secondTop1 the same for the second order
     * @param firstOnly  turns where only the first order put a used suggestion first
     * @param secondOnly turns where only the second order did
     */
    record Comparison(int turnsWithUse, double firstTop1, double secondTop1, int firstOnly, int secondOnly) {}

    private HeldOut() {}

    /** Turns where nothing was used say nothing about order, and are left out. */
    static Comparison compare(List<FeedbackTurns.Turn> turns, TurnScore first, TurnScore second) {
        int withUse = 0;
        int firstRight = 0;
        int secondRight = 0;
        int firstOnly = 0;
        int secondOnly = 0;
        for (FeedbackTurns.Turn t : turns) {
            if (!t.anyUsed()) {
                continue;
            }
            withUse++;
            boolean a = t.shown().get(best(t, first)).used();
            boolean b = t.shown().get(best(t, second)).used();
            firstRight += a ? 1 : 0;
            secondRight += b ? 1 : 0;
            firstOnly += a && !b ? 1 : 0;
            secondOnly += b && !a ? 1 : 0;
        }
        return new Comparison(withUse, withUse == 0 ? 0 : (double) firstRight / withUse,
                withUse == 0 ? 0 : (double) secondRight / withUse, firstOnly, secondOnly);
    }

    static double top1(List<FeedbackTurns.Turn> turns, TurnScore order) {
        return compare(turns, order, order).firstTop1();
    }

    /**
     * Exact one-sided sign test: the chance of at least {@code better} wins out of {@code better + worse}
     * turns where the orders disagree, if either order were as good as the other (a fair coin).
     */
    static double signTestP(int better, int worse) {
        int n = better + worse;
        if (n == 0) {
            return 1;
        }
        double p = 0;
        for (int k = better; k <= n; k++) {
            p += Math.exp(logChoose(n, k) - n * Math.log(2));
        }
        return Math.min(1, p);
    }

    private static double logChoose(int n, int k) {
        double s = 0;
        for (int i = 1; i <= k; i++) {
            s += Math.log(n - k + i) - Math.log(i);
        }
        return s;
    }

    /** The highest-scored suggestion; on a tie the one shown higher (logged first) wins. */
    private static int best(FeedbackTurns.Turn t, TurnScore order) {
        int best = 0;
        for (int i = 1; i < t.shown().size(); i++) {
            if (order.score(t, i) > order.score(t, best)) {
                best = i;
            }
        }
        return best;
    }
}
