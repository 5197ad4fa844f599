package app.tandem.assist;

import java.util.List;

/**
 * Replies agents sent before to similar customer messages (Smart Reply), matched by the customer's
 * context vector against the vectors of the messages each reply answered.
 */
public interface PastReplies {

    /** A reply that may be suggested again: its allowlist entry and how close its customer messages were. */
    record Match(long entryId, String text, double similarity, int timesSent) {}

    /** At most {@code limit} entries in {@code language} close to {@code context}, best first. */
    List<Match> match(String language, String modelId, float[] context, int limit);

    static PastReplies none() {
        return (language, modelId, context, limit) -> List.of();
    }
}
