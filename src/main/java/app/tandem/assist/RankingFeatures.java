package app.tandem.assist;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The re-ranker's view of one suggestion: what retrieval said about it and what agents did with its
 * source before. The same function serves training rows (from the log, with the history as it stood
 * when the turn was shown) and live candidates (with the history at the last training), so the two
 * cannot drift apart. Missing values are NaN; the model's standardisation turns them into "average".
 */
final class RankingFeatures {

    /** Column names, saved with the model: a saved model with other columns is not loaded. */
    static final List<String> NAMES = List.of("confidence", "raw-score", "search-reciprocal-rank", "source-article",
            "source-macro", "source-past-reply", "source-use-rate", "log-days-since-used", "agent-source-use-rate");

    /** Beyond this many days a source's last use says no more than "long ago"; also the value for "never". */
    static final double RECENCY_CAP_DAYS = 365;

    private RankingFeatures() {}

    /**
     * @param confidence calibrated confidence
     * @param rawScore   cosine (or keyword score) before calibration; empty when not logged
     * @param searchRank rank of the passage in the knowledge-base search, 0 when not from search; empty when not logged
     */
    static double[] of(double confidence, OptionalDouble rawScore, OptionalInt searchRank, SuggestionSource source,
                       String ref, String agent, Instant at, FeedbackHistory history) {
        double days = Math.min(RECENCY_CAP_DAYS, history.daysSinceUsed(ref, at).orElse(RECENCY_CAP_DAYS));
        return new double[] {
            confidence,
            rawScore.orElse(Double.NaN),
            searchRank.isPresent() ? (searchRank.getAsInt() > 0 ? 1.0 / searchRank.getAsInt() : 0) : Double.NaN,
            source == SuggestionSource.ARTICLE ? 1 : 0,
            source == SuggestionSource.MACRO ? 1 : 0,
            source == SuggestionSource.HISTORY ? 1 : 0,
            history.refRate(ref),
            Math.log1p(days),
            history.agentRate(agent, source),
        };
    }

    static double[] of(SuggestionLog.Logged s, FeedbackHistory history) {
        return of(s.score(), s.rawScore(), s.searchRank(), s.source(), s.sourceRef(), s.agent(), s.shownAt(), history);
    }

    static double[] of(AssistService.Candidate c, String agent, Instant at, FeedbackHistory history) {
        return of(c.confidence(), OptionalDouble.of(c.rawScore()), OptionalInt.of(c.searchRank()), c.source(), c.sourceRef(),
                agent, at, history);
    }
}
