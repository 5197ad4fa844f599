package app.tandem.assist;

import java.util.List;

/** Every suggestion shown, and what the agent did with it: the raw material for learning. */
public interface SuggestionLog {

    /** Records suggestions shown for a customer turn; returns them with their log ids. */
    List<Suggestion> recordShown(long conversationId, int messageSeq, List<Suggestion> shown, String agent);

    void recordAction(long suggestionId, SuggestionAction action, Integer editDistance, String agent);

    /** Records a rejection and the agent's reason, when given. */
    void recordRejection(long suggestionId, java.util.Optional<String> reason, String agent);

    /** Marks every suggestion of the conversation still without an action as ignored. */
    void ignoreUnanswered(long conversationId, String agent);

    /** A suggestion as logged, with the action taken on it, if any. */
    record Logged(long id, long conversationId, int messageSeq, int rank, double score, SuggestionSource source,
                  String sourceRef, String text, SuggestionAction action, Integer editDistance,
                  java.util.Optional<String> rejectReason, String agent, java.time.Instant shownAt) {}

    List<Logged> forConversation(long conversationId);

    /** The most recent {@code limit} suggestions that have an action, oldest first: the re-ranker's training data. */
    List<Logged> withActions(int limit);
}
