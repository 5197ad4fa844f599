package app.tandem.eval;

import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.FeedbackRanker;
import app.tandem.assist.SuggestionRanker;
import app.tandem.work.Progress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Replays recorded dialogues through the desk and scores the suggested replies against what the human
 * agent really sent (issue 5). Three steps, in this order so nothing leaks forwards:
 * <ol>
 * <li>history: the history dialogues are stored as conversations and Smart Reply rebuilds its
 *     allowlist from them, as the desk does at start;</li>
 * <li>feedback: the feedback dialogues (not in the history) are replayed with suggestions; the agent
 *     "accepts" the suggestion that matches their real reply and ignores the rest; the re-ranker is
 *     then trained and promoted (or not) by the product's own {@code retrainRanker};</li>
 * <li>measure: each replayed split is played twice, ranked by confidence and by the trained re-ranker.</li>
 * </ol>
 */
public final class ReplayEvaluation {

    public static final String BY_CONFIDENCE = "confidence";
    /** The text criterion's bar: a suggestion whose cosine with the real reply reaches it says the same. */
    public static final double SAME_TEXT = ReplyJudge.SAME_TEXT;

    /** Which dialogues become history, which give feedback, which are measured. */
    public record Plan(String dataset, DialogueSet history, DialogueSet feedback, List<DialogueSet> replayed) {

        /**
         * Splits {@code train} by dialogue: {@code feedbackShare} of it (chosen with {@code seed}) is
         * replayed for feedback, the rest is history. Whole dialogues, so a feedback turn never finds
         * its own reply in the history.
         */
        public static Plan splitTrain(String dataset, DialogueSet train, double feedbackShare, long seed,
                                      List<DialogueSet> replayed) {
            List<Dialogue> shuffled = new ArrayList<>(train.dialogues());
            Collections.shuffle(shuffled, new Random(seed));
            int n = (int) Math.round(shuffled.size() * feedbackShare);
            return new Plan(dataset,
                    new DialogueSet(train.name() + " (history)", shuffled.subList(n, shuffled.size()), train.problems(), train.hasActs()),
                    new DialogueSet(train.name() + " (feedback)", shuffled.subList(0, n), List.of(), train.hasActs()),
                    replayed);
        }

        /**
         * Agent turns for which suggestions are asked: the feedback once, each replayed split twice (by confidence
         * and re-ranked), or once when there is no feedback to train a re-ranker on.
         */
        public long suggestedTurns() {
            int passes = feedback.dialogues().isEmpty() ? 1 : 2;
            return feedback.answeringTurns() + passes * replayed.stream().mapToLong(DialogueSet::answeringTurns).sum();
        }
    }

    /**
     * One measured pass. Shares are 0..1; the act columns are null when the dataset has no act labels.
     * {@code reachable}: share of turns whose real act set occurs in the history at all.
     */
    public record Row(String dataset, String split, String ranker, int dialogues, int turns, Double actsAt1, Double actsAt3,
                      Double textAt1, Double textAt3, Double abstained, Double reachable) {}

    /**
     * Everything a run found. {@code ranker} is null when there was no feedback to train on;
     * {@code problems}: dialogues or files that could not be read.
     */
    public record Report(List<Row> rows, int historyDialogues, int historyReplies, int allowlistEntries,
                         int feedbackDialogues, int feedbackTurns, int feedbackUsed, RankerTraining ranker,
                         List<String> problems) {

        public Optional<RankerTraining> training() {
            return Optional.ofNullable(ranker);
        }
    }

    /** The re-ranker's training on the replayed feedback, as the product reported it. */
    public record RankerTraining(int trainTurns, int heldOutTurns, double top1ByConfidence, double top1Reranked,
                                 boolean promoted, String summary) {}

    private ReplayEvaluation() {}

    public static Report run(ReplayDesk desk, Plan plan, Progress progress) {
        DeskReplay replay = new DeskReplay(desk);
        long total = plan.history().dialogues().size() + plan.feedback().answeringTurns()
                + 2 * plan.replayed().stream().mapToLong(DialogueSet::answeringTurns).sum();
        long[] done = {0};

        Map<String, Set<String>> actsOfReply = new HashMap<>();
        int historyReplies = 0;
        for (Dialogue d : plan.history().dialogues()) {
            replay.store(d);
            for (Dialogue.Turn t : d.turns()) {
                if (t.fromAgent()) {
                    // The allowlist keeps the first reply of each cluster as its text: the first turn with it is its origin.
                    actsOfReply.putIfAbsent(t.text().strip(), t.acts());
                    historyReplies++;
                }
            }
            progress.update(++done[0], total, "Storing the history");
        }
        int entries = desk.smartReplies().rebuildFromHistory();
        Set<Set<String>> actSetsInHistory = new HashSet<>();
        for (AllowlistEntry e : desk.smartReplies().entries()) {
            Set<String> acts = actsOfReply.get(e.text().strip());
            if (acts != null && !acts.isEmpty()) {
                actSetsInHistory.add(acts);
            }
        }
        ReplyJudge judge = new ReplyJudge(actsOfReply, new CachingTextEncoder(desk.encoder()));

        int[] feedbackUsed = {0};
        for (Dialogue d : plan.feedback().dialogues()) {
            replay.replay(d, SuggestionRanker.BY_CONFIDENCE, (real, shown) -> {
                Optional<app.tandem.assist.Suggestion> used = judge.judge(shown, real).used();
                feedbackUsed[0] += used.isPresent() ? 1 : 0;
                return used;
            }, () -> progress.update(++done[0], total, "Replaying feedback dialogues"));
        }
        Optional<RankerTraining> training = Optional.empty();
        Optional<FeedbackRanker> learned = Optional.empty();
        if (!plan.feedback().dialogues().isEmpty()) {
            FeedbackRanker.Report r = desk.assist().retrainRanker();
            training = Optional.of(new RankerTraining(r.trainGroups(), r.heldOutGroups(), r.baselineTop1(), r.rerankedTop1(),
                    r.promote(), r.toString()));
            learned = Optional.of(r.ranker());
        }

        List<Row> rows = new ArrayList<>();
        for (DialogueSet split : plan.replayed()) {
            rows.add(measure(replay, judge, split, SuggestionRanker.BY_CONFIDENCE, BY_CONFIDENCE, plan.dataset(),
                    actSetsInHistory, progress, done, total));
            if (learned.isPresent()) {
                String name = training.get().promoted() ? "re-ranked" : "re-ranked (not promoted)";
                rows.add(measure(replay, judge, split, learned.get(), name, plan.dataset(), actSetsInHistory, progress, done, total));
            } else {
                done[0] += split.answeringTurns();
            }
        }
        progress.update(total, total, "Done");
        // Leave the desk as the product would run: the promoted ranker, else the confidence order.
        desk.assist().useRanker(training.isPresent() && training.get().promoted() ? learned.get() : SuggestionRanker.BY_CONFIDENCE);

        List<String> problems = new ArrayList<>(plan.history().problems());
        plan.replayed().forEach(s -> problems.addAll(s.problems()));
        return new Report(rows, plan.history().dialogues().size(), historyReplies, entries, plan.feedback().dialogues().size(),
                (int) plan.feedback().answeringTurns(), feedbackUsed[0], training.orElse(null), problems);
    }

    private static Row measure(DeskReplay replay, ReplyJudge judge, DialogueSet split, SuggestionRanker ranker, String name,
                               String dataset, Set<Set<String>> actSetsInHistory, Progress progress, long[] done, long total) {
        ReplayTally tally = new ReplayTally(actSetsInHistory);
        String message = "Replaying " + split.name() + ", " + name;
        for (Dialogue d : split.dialogues()) {
            replay.replay(d, ranker, (real, shown) -> {
                ReplyJudge.Verdict v = judge.judge(shown, real);
                tally.add(real, shown.size(), v);
                return v.used();
            }, () -> progress.update(++done[0], total, message));
        }
        return tally.row(dataset, split.name(), name, split.dialogues().size(), split.hasActs());
    }
}
