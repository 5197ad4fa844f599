package app.tandem.store;

import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.AllowlistRepository;
import app.tandem.office.SharedSetting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

public final class JdbcAllowlistRepository implements AllowlistRepository {

    private final Jdbc jdbc;

    public JdbcAllowlistRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    private record Row(long conversation, String author, String body) {}

    @Override
    public List<SentReply> sentReplies(int limit) {
        List<Row> rows = jdbc.query("SELECT conversation_id, author, body FROM messages ORDER BY conversation_id, seq LIMIT ?",
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)), limit * 4);
        List<SentReply> sent = new ArrayList<>();
        StringBuilder question = new StringBuilder();
        long conversation = -1;
        for (Row r : rows) {
            if (r.conversation() != conversation) {
                conversation = r.conversation();
                question.setLength(0);
            }
            if (r.author().equals("CUSTOMER")) {
                question.append(question.length() == 0 ? "" : "\n").append(r.body());
            } else if (question.length() > 0) {
                sent.add(new SentReply(r.body(), question.toString()));
                question.setLength(0);
                if (sent.size() == limit) {
                    break;
                }
            }
        }
        return sent;
    }

    @Override
    public List<AllowlistEntry> all() {
        Map<Long, List<String>> questions = new HashMap<>();
        jdbc.query("SELECT entry_id, question FROM reply_allowlist_questions", rs -> {
            questions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            return null;
        });
        return jdbc.query("SELECT * FROM reply_allowlist ORDER BY id", rs -> new AllowlistEntry(rs.getLong("id"),
                rs.getString("language"), rs.getString("body"), AllowlistEntry.Status.valueOf(rs.getString("status")),
                rs.getInt("times_sent"), questions.getOrDefault(rs.getLong("id"), List.of())));
    }

    @Override
    public void replaceUnreviewed(List<AllowlistEntry> entries) {
        jdbc.inTransaction("rebuild the reply allowlist", c -> {
            JdbcSharedSettingStamps.raise(c, SharedSetting.ALLOWLIST);
            Jdbc.update(c, "DELETE FROM reply_allowlist WHERE status = ?", AllowlistEntry.Status.UNREVIEWED);
            for (AllowlistEntry e : entries) {
                List<Long> reviewed = Jdbc.query(c, "SELECT id FROM reply_allowlist WHERE language = ? AND body = ?",
                        rs -> rs.getLong(1), e.language(), e.text());
                long id;
                if (reviewed.isEmpty()) {
                    id = Jdbc.insert(c, "INSERT INTO reply_allowlist (language, body, status, times_sent) VALUES (?, ?, ?, ?)",
                            e.language(), e.text(), AllowlistEntry.Status.UNREVIEWED, e.timesSent());
                } else {
                    id = reviewed.get(0);
                    Jdbc.update(c, "UPDATE reply_allowlist SET times_sent = ? WHERE id = ?", e.timesSent(), id);
                    Jdbc.update(c, "DELETE FROM reply_allowlist_questions WHERE entry_id = ?", id);
                }
                for (String q : e.questions()) {
                    Jdbc.update(c, "INSERT INTO reply_allowlist_questions (entry_id, question) VALUES (?, ?)", id, q);
                }
            }
            return null;
        });
    }

    @Override
    public void setStatus(long id, AllowlistEntry.Status status, String supervisor) {
        jdbc.inTransaction("curate the reply allowlist", c -> {
            JdbcSharedSettingStamps.raise(c, SharedSetting.ALLOWLIST);
            return Jdbc.update(c, "UPDATE reply_allowlist SET status = ?, reviewed_by = ? WHERE id = ?", status, supervisor, id);
        });
    }

    @Override
    public void delete(long id) {
        jdbc.inTransaction("curate the reply allowlist", c -> {
            JdbcSharedSettingStamps.raise(c, SharedSetting.ALLOWLIST);
            return Jdbc.update(c, "DELETE FROM reply_allowlist WHERE id = ?", id);
        });
    }
}
