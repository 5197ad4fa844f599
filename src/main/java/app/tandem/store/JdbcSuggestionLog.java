package app.tandem.store;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionAction;
import app.tandem.assist.SuggestionLog;
import app.tandem.assist.SuggestionSource;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

public final class JdbcSuggestionLog implements SuggestionLog {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcSuggestionLog(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public List<Suggestion> recordShown(long conversationId, int messageSeq, List<Suggestion> shown, String agent) {
        return recordShownWithSignals(conversationId, messageSeq,
                shown.stream().map(s -> new Shown(s, Double.NaN, -1)).toList(), agent);
    }

    @Override
    public List<Suggestion> recordShownWithSignals(long conversationId, int messageSeq, List<Shown> shown, String agent) {
        Instant now = clock.instant();
        return jdbc.inTransaction("log the suggestions", c -> {
            List<Suggestion> logged = new ArrayList<>();
            for (Shown shownOne : shown) {
                Suggestion s = shownOne.suggestion();
                long id = Jdbc.insert(c, "INSERT INTO suggestions (conversation_id, message_seq, rank, score, source, source_ref, "
                                + "source_version, body, shown_at, agent, raw_score, search_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        conversationId, messageSeq, s.rank(), s.confidence(), s.source(), s.sourceRef(),
                        s.sourceVersion().isPresent() ? s.sourceVersion().getAsInt() : null, s.text(), now, agent,
                        Double.isFinite(shownOne.rawScore()) ? shownOne.rawScore() : null,
                        shownOne.searchRank() >= 0 ? shownOne.searchRank() : null);
                logged.add(s.withLogId(id));
            }
            return logged;
        });
    }

    @Override
    public void recordAction(long suggestionId, SuggestionAction action, Integer editDistance, String agent) {
        jdbc.update("UPDATE suggestions SET action = ?, action_at = ?, edit_distance = ?, agent = ? WHERE id = ?",
                action, clock.instant(), editDistance, agent, suggestionId);
    }

    @Override
    public void recordRejection(long suggestionId, java.util.Optional<String> reason, String agent) {
        jdbc.update("UPDATE suggestions SET action = ?, action_at = ?, reject_reason = ?, agent = ? WHERE id = ?",
                SuggestionAction.REJECTED, clock.instant(), reason.orElse(null), agent, suggestionId);
    }

    @Override
    public void ignoreUnanswered(long conversationId, String agent) {
        jdbc.update("UPDATE suggestions SET action = ?, action_at = ? WHERE conversation_id = ? AND action IS NULL",
                SuggestionAction.IGNORED, clock.instant(), conversationId);
    }

    @Override
    public List<Logged> forConversation(long conversationId) {
        return jdbc.query("SELECT * FROM suggestions WHERE conversation_id = ? ORDER BY id", JdbcSuggestionLog::map, conversationId);
    }

    @Override
    public List<Logged> withActions(int limit) {
        return jdbc.query("SELECT * FROM (SELECT * FROM suggestions WHERE action IS NOT NULL ORDER BY id DESC LIMIT ?) ORDER BY id",
                JdbcSuggestionLog::map, limit);
    }

    private static Logged map(java.sql.ResultSet rs) throws java.sql.SQLException {
        {
            String action = rs.getString("action");
            int distance = rs.getInt("edit_distance");
            Integer editDistance = rs.wasNull() ? null : distance;
            return new Logged(rs.getLong("id"), rs.getLong("conversation_id"), rs.getInt("message_seq"), rs.getInt("rank"),
                    rs.getDouble("score"), SuggestionSource.valueOf(rs.getString("source")), rs.getString("source_ref"),
                    rs.getString("body"), action == null ? null : SuggestionAction.valueOf(action), editDistance,
                    java.util.Optional.ofNullable(rs.getString("reject_reason")), rs.getString("agent"), Jdbc.instant(rs, "shown_at"),
                    rawScore(rs), searchRank(rs), java.util.Optional.ofNullable(Jdbc.instant(rs, "action_at")));
        }
    }

    private static java.util.OptionalDouble rawScore(java.sql.ResultSet rs) throws java.sql.SQLException {
        double v = rs.getDouble("raw_score");
        return rs.wasNull() ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(v);
    }

    private static java.util.OptionalInt searchRank(java.sql.ResultSet rs) throws java.sql.SQLException {
        int v = rs.getInt("search_rank");
        return rs.wasNull() ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(v);
    }
}
