package app.tandem.assist;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Every suggestion shown, and what the agent did with it: the raw material for learning. */
public interface SuggestionLog {

    /** Records suggestions shown for a customer turn; returns them with their log ids. */
    List<Suggestion> recordShown(long conversationId, int messageSeq, List<Suggestion> shown, String agent);

    /**
     * A suggestion about to be shown, with what retrieval said about it before calibration: the raw
     * similarity or keyword score, and the passage's rank in the knowledge-base search (0: not from search).
     * The re-ranker learns from both. NaN and a negative rank mean unknown.
     */
    record Shown(Suggestion suggestion, double rawScore, int searchRank) {}

    /**
     * Records suggestions shown with their retrieval signals. A log that cannot keep the signals records
     * the suggestions alone; the re-ranker then treats the signals as unknown.
     */
    default List<Suggestion> recordShownWithSignals(long conversationId, int messageSeq, List<Shown> shown, String agent) {
        return recordShown(conversationId, messageSeq, shown.stream().map(Shown::suggestion).toList(), agent);
    }

    void recordAction(long suggestionId, SuggestionAction action, Integer editDistance, String agent);

    /** Records a rejection and the agent's reason, when given. */
    void recordRejection(long suggestionId, java.util.Optional<String> reason, String agent);

    /** Marks every suggestion of the conversation still without an action as ignored. */
    void ignoreUnanswered(long conversationId, String agent);

    /**
     * A suggestion as logged, with the action taken on it, if any. {@code rawScore} and {@code searchRank}
     * are empty for rows logged before they were kept; {@code actedAt} is when the action was recorded
     * (what the re-ranker may know at a later turn).
     */
    record Logged(long id, long conversationId, int messageSeq, int rank, double score, SuggestionSource source,
                  String sourceRef, String text, SuggestionAction action, Integer editDistance,
                  Optional<String> rejectReason, String agent, Instant shownAt,
                  OptionalDouble rawScore, OptionalInt searchRank, Optional<Instant> actedAt) {

        /** A row without retrieval signals or action time (as logged before they were kept). */
        public Logged(long id, long conversationId, int messageSeq, int rank, double score, SuggestionSource source,
                      String sourceRef, String text, SuggestionAction action, Integer editDistance,
                      Optional<String> rejectReason, String agent, Instant shownAt) {
            this(id, conversationId, messageSeq, rank, score, source, sourceRef, text, action, editDistance, rejectReason,
                    agent, shownAt, OptionalDouble.empty(), OptionalInt.empty(), Optional.empty());
        }

        /** Accepted as is or after editing: the agent used it. */
        public boolean used() {
            return action == SuggestionAction.ACCEPTED || action == SuggestionAction.EDITED;
        }

        /** When the action became known; the time shown when the log did not keep it. */
        public Instant knownAt() {
            return actedAt.orElse(shownAt);
        }
    }

    List<Logged> forConversation(long conversationId);

    /** The most recent {@code limit} suggestions that have an action, oldest first: the re-ranker's training data. */
    List<Logged> withActions(int limit);
}
