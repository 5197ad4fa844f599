package app.tandem.eval;

/**
 * Accumulates top-k accuracy and mean reciprocal rank over queries. A rank is 1-based; 0 means the
 * right answer was not in the list at all.
 */
public final class RankingMetrics {

    private int queries;
    private int top1;
    private int top3;
    private double reciprocalRanks;

    public void add(int rank) {
        queries++;
        if (rank == 1) {
            top1++;
        }
        if (rank >= 1 && rank <= 3) {
            top3++;
        }
        if (rank >= 1) {
            reciprocalRanks += 1.0 / rank;
        }
    }

    public int queries() {
        return queries;
    }

    public double top1() {
        return queries == 0 ? 0 : (double) top1 / queries;
    }

    public double top3() {
        return queries == 0 ? 0 : (double) top3 / queries;
    }

    public double mrr() {
        return queries == 0 ? 0 : reciprocalRanks / queries;
    }
}
