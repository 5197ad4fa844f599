package app.tandem.store;

import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.EscalationDetail;
import app.tandem.assist.escalation.EscalationReason;
import app.tandem.assist.escalation.EscalationRepository;
import app.tandem.assist.escalation.EscalationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcEscalationRepository implements EscalationRepository {

    private final Jdbc jdbc;

    public JdbcEscalationRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Escalation open(long conversationId, int messageSeq, EscalationReason reason, EscalationDetail detail, Instant at) {
        // The detail is kept as data (kind and arguments) so each reader can say it in their own language.
        String stored = detail.stored();
        String shortDetail = stored.length() > 500 ? stored.substring(0, 500) : stored;
        long id = jdbc.insert("INSERT INTO escalations (conversation_id, message_seq, reason, detail, raised_at, status) "
                + "VALUES (?, ?, ?, ?, ?, ?)", conversationId, messageSeq, reason, shortDetail, at, EscalationStatus.OPEN);
        return jdbc.queryOne("SELECT * FROM escalations WHERE id = ?", JdbcEscalationRepository::row, id).orElseThrow();
    }

    @Override
    public Optional<Escalation> findOpen(long conversationId, EscalationReason reason) {
        return jdbc.queryOne("SELECT * FROM escalations WHERE conversation_id = ? AND reason = ? AND status = ? ORDER BY id DESC LIMIT 1",
                JdbcEscalationRepository::row, conversationId, reason, EscalationStatus.OPEN);
    }

    @Override
    public List<Escalation> forConversation(long conversationId) {
        return jdbc.query("SELECT * FROM escalations WHERE conversation_id = ? ORDER BY id", JdbcEscalationRepository::row, conversationId);
    }

    @Override
    public List<Escalation> list(boolean openOnly, int limit) {
        return openOnly
                ? jdbc.query("SELECT * FROM escalations WHERE status = ? ORDER BY raised_at DESC, id DESC LIMIT ?",
                        JdbcEscalationRepository::row, EscalationStatus.OPEN, limit)
                : jdbc.query("SELECT * FROM escalations ORDER BY raised_at DESC, id DESC LIMIT ?", JdbcEscalationRepository::row, limit);
    }

    @Override
    public boolean acknowledge(long id, String by, Instant at) {
        return jdbc.update("UPDATE escalations SET status = ?, acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND status = ?",
                EscalationStatus.ACKNOWLEDGED, by, at, id, EscalationStatus.OPEN) == 1;
    }

    private static Escalation row(ResultSet rs) throws SQLException {
        return new Escalation(rs.getLong("id"), rs.getLong("conversation_id"), rs.getInt("message_seq"),
                EscalationReason.valueOf(rs.getString("reason")), EscalationDetail.parse(rs.getString("detail")), Jdbc.instant(rs, "raised_at"),
                EscalationStatus.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("acknowledged_by")),
                Optional.ofNullable(Jdbc.instant(rs, "acknowledged_at")));
    }
}
