package app.tandem.store;

import app.tandem.kb.gaps.CustomerQuestion;
import app.tandem.kb.gaps.UnansweredQuestions;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import javax.sql.DataSource;

public final class JdbcUnansweredQuestions implements UnansweredQuestions {

    private final Jdbc jdbc;

    public JdbcUnansweredQuestions(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public List<CustomerQuestion> since(Instant since, double minConfidence, int limit) {
        return jdbc.query("SELECT m.conversation_id, m.seq, m.body, m.sent_at, "
                        + "(SELECT MAX(s.score) FROM suggestions s WHERE s.conversation_id = m.conversation_id "
                        + "   AND s.message_seq = m.seq) AS top_score "
                        + "FROM messages m WHERE m.author = 'CUSTOMER' AND m.sent_at >= ? "
                        + "AND NOT EXISTS (SELECT 1 FROM messages n WHERE n.conversation_id = m.conversation_id "
                        + "   AND n.seq = m.seq + 1 AND n.author = 'CUSTOMER') "
                        + "AND NOT EXISTS (SELECT 1 FROM suggestions s WHERE s.conversation_id = m.conversation_id "
                        + "   AND s.message_seq = m.seq AND s.score >= ? "
                        + "   AND (s.action IS NULL OR s.action IN ('ACCEPTED', 'EDITED'))) "
                        + "ORDER BY m.sent_at DESC, m.id DESC LIMIT ?",
                rs -> {
                    double top = rs.getDouble("top_score");
                    OptionalDouble topScore = rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(top);
                    return new CustomerQuestion(rs.getLong("conversation_id"), rs.getInt("seq"), rs.getString("body"),
                            Jdbc.instant(rs, "sent_at"), topScore);
                }, since, minConfidence, limit);
    }
}
