package app.tandem.assist;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What agents have done with each source so far: how often an article passage, macro or past reply
 * was used when shown, when it was last used, and how often each agent uses each kind of source.
 * Built by adding feedback in the order it became known, so that a turn's features can be read
 * before its own outcome (or any later one) is added: the re-ranker must not learn from the future.
 * Not thread-safe while it grows; a promoted ranker only reads it.
 */
final class FeedbackHistory {

    /** How many shown suggestions' worth of weight the overall use rate has in a source's smoothed rate. */
    private static final double PRIOR_WEIGHT = 5;

    private final Map<String, Counts> byRef = new HashMap<>();
    private final Map<String, Counts> byAgentAndSource = new HashMap<>();
    private final Map<String, Instant> lastUsed = new HashMap<>();
    private final Counts overall = new Counts();

    private static final class Counts {
        int shown;
        int used;
    }

    void add(SuggestionLog.Logged s) {
        boolean used = s.used();
        count(byRef.computeIfAbsent(s.sourceRef(), k -> new Counts()), used);
        count(byAgentAndSource.computeIfAbsent(agentKey(s.agent(), s.source()), k -> new Counts()), used);
        count(overall, used);
        if (used) {
            lastUsed.merge(s.sourceRef(), s.knownAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /**
     * The source's use rate, smoothed towards the overall rate: one lucky use does not make an article
     * look perfect, and a source never shown looks average rather than bad.
     */
    double refRate(String ref) {
        return smoothed(byRef.get(ref));
    }

    /** This agent's use rate of this kind of source (some agents live by macros), smoothed the same way. */
    double agentRate(String agent, SuggestionSource source) {
        return smoothed(byAgentAndSource.get(agentKey(agent, source)));
    }

    /** Days from the source's last use to {@code at}; empty when it was never used. */
    OptionalDouble daysSinceUsed(String ref, Instant at) {
        Instant last = lastUsed.get(ref);
        if (last == null) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, Duration.between(last, at).toMinutes() / (60.0 * 24)));
    }

    int feedbackCount() {
        return overall.shown;
    }

    private double smoothed(Counts c) {
        // The overall rate is itself smoothed (Laplace), so an empty history gives 0.5, not 0/0.
        double prior = (overall.used + 1.0) / (overall.shown + 2.0);
        if (c == null) {
            return prior;
        }
        return (c.used + PRIOR_WEIGHT * prior) / (c.shown + PRIOR_WEIGHT);
    }

    private static void count(Counts c, boolean used) {
        c.shown++;
        c.used += used ? 1 : 0;
    }

    private static String agentKey(String agent, SuggestionSource source) {
        return (agent == null ? "" : agent) + "|" + source;
    }
}
