package app.tandem.store;

import app.tandem.assist.escalation.Correction;
import app.tandem.assist.escalation.CorrectionRepository;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

public final class JdbcCorrectionRepository implements CorrectionRepository {

    private final Jdbc jdbc;

    public JdbcCorrectionRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Correction save(long conversationId, int messageSeq, Correction.Kind kind, String redactedText, String label,
                           String correctedBy, Instant at) {
        long id = jdbc.insert("INSERT INTO understanding_corrections (conversation_id, message_seq, kind, redacted_text, label, "
                + "corrected_by, corrected_at) VALUES (?, ?, ?, ?, ?, ?, ?)", conversationId, messageSeq, kind, redactedText, label,
                correctedBy, at);
        return new Correction(id, conversationId, messageSeq, kind, redactedText, label, correctedBy, at);
    }

    @Override
    public List<Correction> list(Correction.Kind kind) {
        return jdbc.query("SELECT * FROM understanding_corrections WHERE kind = ? ORDER BY id", rs -> new Correction(
                rs.getLong("id"), rs.getLong("conversation_id"), rs.getInt("message_seq"), Correction.Kind.valueOf(rs.getString("kind")),
                rs.getString("redacted_text"), rs.getString("label"), rs.getString("corrected_by"), Jdbc.instant(rs, "corrected_at")), kind);
    }
}
