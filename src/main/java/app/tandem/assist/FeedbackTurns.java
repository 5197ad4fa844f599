package app.tandem.assist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Logged feedback as the re-ranker learns from it: one turn per customer message, holding the
 * suggestions shown for it, in the order the turns were shown; and each suggestion's features as they
 * could have been computed when its turn was shown, from feedback recorded strictly before that.
 */
final class FeedbackTurns {

    /** The suggestions shown for one customer turn, each with its features at the time. */
    record Turn(List<SuggestionLog.Logged> shown, double[][] features) {
        boolean anyUsed() {
            return shown.stream().anyMatch(SuggestionLog.Logged::used);
        }
    }

    /** Every turn with features, and the history once all the feedback is in (what a live ranker uses). */
    record Walk(List<Turn> turns, FeedbackHistory history) {}

    private FeedbackTurns() {}

    /** Groups suggestions with an action into turns and computes features without look-ahead. */
    static Walk walk(List<SuggestionLog.Logged> logged) {
        Map<String, List<SuggestionLog.Logged>> groups = new LinkedHashMap<>();
        List<SuggestionLog.Logged> events = new ArrayList<>();
        for (SuggestionLog.Logged s : logged) {
            if (s.action() != null) {
                groups.computeIfAbsent(s.conversationId() + ":" + s.messageSeq(), k -> new ArrayList<>()).add(s);
                events.add(s);
            }
        }
        List<List<SuggestionLog.Logged>> shown = new ArrayList<>(groups.values());
        shown.sort(Comparator.comparing((List<SuggestionLog.Logged> g) -> g.get(0).shownAt()).thenComparingLong(g -> g.get(0).id()));
        events.sort(Comparator.comparing(SuggestionLog.Logged::knownAt).thenComparingLong(SuggestionLog.Logged::id));

        FeedbackHistory history = new FeedbackHistory();
        List<Turn> turns = new ArrayList<>(shown.size());
        int known = 0;
        for (List<SuggestionLog.Logged> group : shown) {
            var at = group.get(0).shownAt();
            // Only what was recorded before the turn was on screen: its own outcome comes later.
            while (known < events.size() && events.get(known).knownAt().isBefore(at)) {
                history.add(events.get(known++));
            }
            double[][] features = new double[group.size()][];
            for (int i = 0; i < group.size(); i++) {
                features[i] = RankingFeatures.of(group.get(i), history);
            }
            turns.add(new Turn(List.copyOf(group), features));
        }
        while (known < events.size()) {
            history.add(events.get(known++));
        }
        return new Walk(turns, history);
    }
}
