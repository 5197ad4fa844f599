package app.tandem.store;

import app.tandem.nlp.intent.IntentExampleRepository;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** Intent training examples in H2 (table {@code intent_examples}, migration V3). */
public final class JdbcIntentExampleRepository implements IntentExampleRepository {

    private static final int MAX_TEXT = 2000;
    private final Jdbc jdbc;

    public JdbcIntentExampleRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public boolean add(String text, String intent, String source, Instant at) {
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return jdbc.inTransaction("store an intent example", c -> {
            if (!Jdbc.query(c, "SELECT id FROM intent_examples WHERE text = ? AND intent = ?", rs -> rs.getLong(1), t, intent)
                    .isEmpty()) {
                return false;
            }
            Jdbc.insert(c, "INSERT INTO intent_examples (text, intent, source, created_at) VALUES (?, ?, ?, ?)",
                    t, intent, source, at);
            return true;
        });
    }

    @Override
    public List<StoredExample> all() {
        return jdbc.query("SELECT id, text, intent, source, created_at FROM intent_examples ORDER BY id",
                rs -> new StoredExample(rs.getLong("id"), rs.getString("text"), rs.getString("intent"),
                        rs.getString("source"), Jdbc.instant(rs, "created_at")));
    }

    @Override
    public int count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM intent_examples", rs -> rs.getInt(1)).orElse(0);
    }

    @Override
    public boolean remove(long id) {
        return jdbc.update("DELETE FROM intent_examples WHERE id = ?", id) > 0;
    }
}
