package app.tandem.store;

import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationRepository;
import app.tandem.conversation.ConversationStatus;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.conversation.QueueEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

public final class JdbcConversationRepository implements ConversationRepository {

    private final Jdbc jdbc;

    public JdbcConversationRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Conversation create(Optional<String> customerId, Channel channel, String title, Instant startedAt) {
        Instant stored = startedAt.truncatedTo(ChronoUnit.MICROS);
        long id = jdbc.insert("INSERT INTO conversations (customer_id, channel, title, status, started_at) VALUES (?, ?, ?, ?, ?)",
                customerId.orElse(null), channel, title, ConversationStatus.OPEN, stored);
        return new Conversation(id, customerId, channel, title, ConversationStatus.OPEN, stored, Optional.empty(), Optional.empty());
    }

    @Override
    public Optional<Conversation> find(long id) {
        return jdbc.queryOne("SELECT * FROM conversations WHERE id = ?", JdbcConversationRepository::conversation, id);
    }

    @Override
    public List<QueueEntry> queue() {
        return jdbc.query("""
                SELECT c.*,
                       (SELECT COALESCE(MAX(m.seq), 0) FROM messages m WHERE m.conversation_id = c.id) AS last_seq,
                       (SELECT MIN(m.sent_at) FROM messages m
                         WHERE m.conversation_id = c.id AND m.author = 'CUSTOMER'
                           AND m.seq > (SELECT COALESCE(MAX(a.seq), 0) FROM messages a
                                         WHERE a.conversation_id = c.id AND a.author = 'AGENT')) AS waiting_since
                  FROM conversations c
                 WHERE c.status = 'OPEN'
                 ORDER BY c.started_at, c.id
                """, rs -> new QueueEntry(conversation(rs), rs.getInt("last_seq"),
                Optional.ofNullable(Jdbc.instant(rs, "waiting_since"))));
    }

    @Override
    public List<Conversation> forCustomer(String customerId, int limit) {
        return jdbc.query("SELECT * FROM conversations WHERE customer_id = ? ORDER BY started_at DESC LIMIT ?",
                JdbcConversationRepository::conversation, customerId, limit);
    }

    @Override
    public Message append(long conversationId, Author author, String text, MessageOrigin origin,
                          OptionalLong suggestionId, Optional<String> agent, Instant sentAt) {
        // The next sequence number and the insert happen in one transaction; the UNIQUE (conversation_id, seq)
        // constraint makes a concurrent append fail loudly rather than reuse a number.
        // H2 rounds nanoseconds to microseconds; truncate first so the stored and returned instants agree.
        Instant stored = sentAt.truncatedTo(ChronoUnit.MICROS);
        return jdbc.inTransaction("store the message", c -> {
            int seq = Jdbc.query(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?",
                    rs -> rs.getInt(1), conversationId).get(0);
            long id = Jdbc.insert(c, "INSERT INTO messages (conversation_id, seq, author, body, origin, suggestion_id, agent, sent_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    conversationId, seq, author, text, origin,
                    suggestionId.isPresent() ? suggestionId.getAsLong() : null, agent.orElse(null), stored);
            return new Message(id, conversationId, seq, author, text, origin, suggestionId, agent, stored);
        });
    }

    @Override
    public List<Message> messages(long conversationId) {
        return jdbc.query("SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq", rs -> {
            long suggestion = rs.getLong("suggestion_id");
            OptionalLong suggestionId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(suggestion);
            return new Message(rs.getLong("id"), rs.getLong("conversation_id"), rs.getInt("seq"),
                    Author.valueOf(rs.getString("author")), rs.getString("body"), MessageOrigin.valueOf(rs.getString("origin")),
                    suggestionId, Optional.ofNullable(rs.getString("agent")), Jdbc.instant(rs, "sent_at"));
        }, conversationId);
    }

    @Override
    public void close(long conversationId, Instant closedAt, String summary) {
        jdbc.update("UPDATE conversations SET status = ?, closed_at = ?, summary = ? WHERE id = ?",
                ConversationStatus.CLOSED, closedAt, summary, conversationId);
    }

    private static Conversation conversation(ResultSet rs) throws SQLException {
        return new Conversation(rs.getLong("id"), Optional.ofNullable(rs.getString("customer_id")),
                Channel.valueOf(rs.getString("channel")), rs.getString("title"),
                ConversationStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "started_at"),
                Optional.ofNullable(Jdbc.instant(rs, "closed_at")), Optional.ofNullable(rs.getString("summary")));
    }
}
