package app.tandem.eval;

import java.util.Set;

/**
 * Counts one replay pass over a split: agent turns scored, where the real reply ranked among the
 * suggestions by each criterion, how often Tandem abstained, and how often the real act set was in
 * the history at all (the most the act criterion could reach).
 */
final class ReplayTally {

    private final Set<Set<String>> actSetsInHistory;
    private int turns;
    private int actsAt1;
    private int actsAt3;
    private int textAt1;
    private int textAt3;
    private int abstained;
    private int reachable;

    ReplayTally(Set<Set<String>> actSetsInHistory) {
        this.actSetsInHistory = actSetsInHistory;
    }

    void add(Dialogue.Turn real, int shown, ReplyJudge.Verdict v) {
        turns++;
        actsAt1 += v.actsRank() == 1 ? 1 : 0;
        actsAt3 += v.actsRank() >= 1 && v.actsRank() <= 3 ? 1 : 0;
        textAt1 += v.textRank() == 1 ? 1 : 0;
        textAt3 += v.textRank() >= 1 && v.textRank() <= 3 ? 1 : 0;
        abstained += shown == 0 ? 1 : 0;
        reachable += !real.acts().isEmpty() && actSetsInHistory.contains(real.acts()) ? 1 : 0;
    }

    /** The figures as a row; the act columns are null when the dataset has no act labels. */
    ReplayEvaluation.Row row(String dataset, String split, String ranker, int dialogues, boolean hasActs) {
        return new ReplayEvaluation.Row(dataset, split, ranker, dialogues, turns, hasActs ? share(actsAt1) : null,
                hasActs ? share(actsAt3) : null, share(textAt1), share(textAt3), share(abstained),
                hasActs ? share(reachable) : null);
    }

    private double share(int n) {
        return turns == 0 ? 0 : (double) n / turns;
    }
}
