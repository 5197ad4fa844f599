package app.tandem.store;

import app.tandem.conversation.Assignment;
import app.tandem.conversation.Attachment;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationEvent.Kind;
import app.tandem.conversation.ConversationRepository;
import app.tandem.conversation.ConversationStatus;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.conversation.MessageRejectedException;
import app.tandem.conversation.NewAttachment;
import app.tandem.conversation.ReadFrom;
import app.tandem.conversation.ReadText;
import app.tandem.conversation.QueueEntry;
import app.tandem.conversation.Team;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Conversations, their turns and the office queue. Every write adds its {@code conversation_event} row in the same
 * transaction; moves lock the conversation's row first, so two seats acting on one conversation at once are put in
 * order by the database and the second sees what the first did.
 */
public final class JdbcConversationRepository implements ConversationRepository {

    private final Jdbc jdbc;
    private final String seat;

    /** {@code seat}: this process's name in the feed, so it can skip the rows it wrote itself. */
    public JdbcConversationRepository(DataSource dataSource, String seat) {
        this.jdbc = new Jdbc(dataSource);
        this.seat = seat;
    }

    /** For a process that does not follow the feed (tools, harnesses, tests): a name no other process has. */
    public JdbcConversationRepository(DataSource dataSource) {
        this(dataSource, "tool-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    public Conversation create(Optional<String> customerId, Channel channel, String title, Instant startedAt,
                               Optional<String> holder) {
        Instant stored = startedAt.truncatedTo(ChronoUnit.MICROS);
        return jdbc.inTransaction("open the conversation", c -> {
            long id = Jdbc.insert(c, "INSERT INTO conversations (customer_id, channel, title, status, started_at, team, holder, held_since) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    customerId.orElse(null), channel, title, ConversationStatus.OPEN, stored, Team.AGENTS,
                    holder.orElse(null), holder.isPresent() ? stored : null);
            event(c, id, Kind.OPENED, holder, Optional.empty(), holder, "", 0, stored);
            return new Conversation(id, customerId, channel, title, ConversationStatus.OPEN, stored, Optional.empty(), Optional.empty());
        });
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
                Optional.ofNullable(Jdbc.instant(rs, "waiting_since")), assignment(rs)));
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
            if (author == Author.AGENT && agent.isPresent()) {
                takeToReply(c, conversationId, agent.get(), stored);
            } else {
                // The conversation's row is the turn counter's lock: a customer's turn and an agent's reply arriving
                // at the same moment (the web chat and a seat) are numbered one after the other instead of both
                // taking the same next number and one failing on the unique (conversation, seq).
                lockedHolder(c, conversationId);
            }
            int seq = Jdbc.query(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?",
                    rs -> rs.getInt(1), conversationId).get(0);
            long id = Jdbc.insert(c, "INSERT INTO messages (conversation_id, seq, author, body, origin, suggestion_id, agent, sent_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    conversationId, seq, author, text, origin,
                    suggestionId.isPresent() ? suggestionId.getAsLong() : null, agent.orElse(null), stored);
            event(c, conversationId, Kind.MESSAGE, agent, Optional.empty(), Optional.empty(), "", seq, stored);
            return new Message(id, conversationId, seq, author, text, origin, suggestionId, agent, stored);
        });
    }

    @Override
    public Message appendWithAttachment(long conversationId, String text, NewAttachment attachment, Instant sentAt) {
        Instant stored = sentAt.truncatedTo(ChronoUnit.MICROS);
        return jdbc.inTransaction("store the message and what it carried", c -> {
            int seq = Jdbc.query(c, "SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?",
                    rs -> rs.getInt(1), conversationId).get(0);
            long id = Jdbc.insert(c, "INSERT INTO messages (conversation_id, seq, author, body, origin, sent_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    conversationId, seq, Author.CUSTOMER, text, MessageOrigin.CUSTOMER, stored);
            Jdbc.insert(c, "INSERT INTO message_attachment (message_id, source, content_type, content, thumbnail_png, "
                            + "read_text, read_confidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    id, attachment.source(), attachment.contentType(), attachment.content(), attachment.thumbnailPng(),
                    attachment.read().map(ReadText::text).orElse(null),
                    attachment.read().map(ReadText::confidence).orElse(null));
            event(c, conversationId, Kind.MESSAGE, Optional.empty(), Optional.empty(), Optional.empty(), "", seq, stored);
            return new Message(id, conversationId, seq, Author.CUSTOMER, text, MessageOrigin.CUSTOMER,
                    OptionalLong.empty(), Optional.empty(), stored);
        });
    }

    @Override
    public List<Attachment> attachments(long conversationId) {
        return jdbc.query("""
                SELECT a.id, a.message_id, m.seq, a.source, a.content_type, a.thumbnail_png, a.read_text,
                       a.read_confidence, a.corrected_text, a.corrected_by, a.corrected_at
                  FROM message_attachment a JOIN messages m ON m.id = a.message_id
                 WHERE m.conversation_id = ?
                 ORDER BY m.seq
                """, rs -> {
            String read = rs.getString("read_text");
            String corrected = rs.getString("corrected_text");
            return new Attachment(rs.getLong("id"), rs.getLong("message_id"), rs.getInt("seq"),
                    ReadFrom.valueOf(rs.getString("source")), rs.getString("content_type"), rs.getBytes("thumbnail_png"),
                    read == null ? Optional.empty() : Optional.of(new ReadText(read, rs.getInt("read_confidence"))),
                    corrected == null ? Optional.empty() : Optional.of(new Attachment.Correction(corrected,
                            rs.getString("corrected_by"), Jdbc.instant(rs, "corrected_at"))));
        }, conversationId);
    }

    @Override
    public Optional<byte[]> attachmentContent(long attachmentId) {
        return jdbc.queryOne("SELECT content FROM message_attachment WHERE id = ?", rs -> rs.getBytes(1), attachmentId);
    }

    @Override
    public boolean correctReadText(long attachmentId, String text, String by, Instant at) {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        return jdbc.inTransaction("store the corrected text", c -> Jdbc.update(c,
                "UPDATE message_attachment SET corrected_text = ?, corrected_by = ?, corrected_at = ? WHERE id = ?",
                text, by, stored, attachmentId)) > 0;
    }

    /**
     * An agent replies only to a conversation they hold; replying to a waiting one claims it. The row is locked
     * first, so a colleague's simultaneous claim or a supervisor's take-over is either before this (and the reply
     * is refused) or after it.
     */
    private void takeToReply(Connection c, long conversationId, String agent, Instant at) throws SQLException {
        Optional<Optional<String>> holder = lockedHolder(c, conversationId);
        if (holder.isEmpty()) {
            return; // no such conversation: the insert below fails as it always has
        }
        if (holder.get().isEmpty()) {
            Jdbc.update(c, "UPDATE conversations SET holder = ?, held_since = ? WHERE id = ?", agent, at, conversationId);
            event(c, conversationId, Kind.CLAIMED, Optional.of(agent), Optional.empty(), Optional.of(agent), "", 0, at);
        } else if (!holder.get().get().equals(agent)) {
            throw new MessageRejectedException(MessageRejectedException.Reason.HELD_BY_SOMEONE_ELSE, holder.get().get());
        }
    }

    /** The conversation's holder with its row locked until the transaction ends; empty when there is no such open conversation. */
    private static Optional<Optional<String>> lockedHolder(Connection c, long conversationId) throws SQLException {
        List<Optional<String>> rows = Jdbc.query(c, "SELECT holder FROM conversations WHERE id = ? AND status = 'OPEN' FOR UPDATE",
                rs -> Optional.ofNullable(rs.getString("holder")), conversationId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    @Override
    public Optional<Assignment> assignment(long conversationId) {
        return jdbc.queryOne("SELECT team, holder, held_since FROM conversations WHERE id = ?",
                JdbcConversationRepository::assignment, conversationId);
    }

    @Override
    public Optional<ConversationEvent> claim(long conversationId, String agent, Instant at) {
        return move(conversationId, Kind.CLAIMED, agent, at, "",
                holder -> holder.isEmpty() ? Optional.of(new Target(Optional.of(agent), Optional.empty())) : Optional.empty());
    }

    @Override
    public Optional<ConversationEvent> transfer(long conversationId, String from, String to, String note, Instant at) {
        if (jdbc.queryOne("SELECT 1 FROM users WHERE username = ?", rs -> 1, to).isEmpty()) {
            throw new MessageRejectedException(MessageRejectedException.Reason.NO_SUCH_COLLEAGUE, to);
        }
        return move(conversationId, Kind.TRANSFERRED, from, at, note,
                holder -> holder.filter(from::equals).map(h -> new Target(Optional.of(to), Optional.empty())));
    }

    @Override
    public Optional<ConversationEvent> release(long conversationId, String from, String note, Instant at) {
        return move(conversationId, Kind.RELEASED, from, at, note,
                holder -> holder.filter(from::equals).map(h -> new Target(Optional.empty(), Optional.of(Team.AGENTS))));
    }

    @Override
    public Optional<ConversationEvent> handOff(long conversationId, String from, String note, Instant at) {
        return move(conversationId, Kind.HANDED_OFF, from, at, note,
                holder -> holder.filter(from::equals).map(h -> new Target(Optional.empty(), Optional.of(Team.SUPERVISORS))));
    }

    @Override
    public Optional<ConversationEvent> takeOver(long conversationId, String supervisor, Instant at) {
        return move(conversationId, Kind.TAKEN_OVER, supervisor, at, "",
                holder -> holder.filter(supervisor::equals).isPresent() ? Optional.empty()
                        : Optional.of(new Target(Optional.of(supervisor), Optional.of(Team.SUPERVISORS))));
    }

    /** Who has a conversation after a move, and the queue it is in ({@code team} empty: unchanged). */
    private record Target(Optional<String> holder, Optional<Team> team) {}

    private interface MoveRule {
        /** Where the conversation goes given who holds it now; empty refuses the move. */
        Optional<Target> target(Optional<String> holder);
    }

    private Optional<ConversationEvent> move(long conversationId, Kind kind, String actor, Instant at, String note, MoveRule rule) {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        return jdbc.inTransaction("move the conversation", c -> {
            Optional<Optional<String>> holder = lockedHolder(c, conversationId);
            Optional<Target> target = holder.flatMap(rule::target);
            if (target.isEmpty()) {
                return Optional.<ConversationEvent>empty();
            }
            Target t = target.get();
            if (t.team().isPresent()) {
                Jdbc.update(c, "UPDATE conversations SET holder = ?, held_since = ?, team = ? WHERE id = ?",
                        t.holder().orElse(null), t.holder().isPresent() ? stored : null, t.team().get(), conversationId);
            } else {
                Jdbc.update(c, "UPDATE conversations SET holder = ?, held_since = ? WHERE id = ?",
                        t.holder().orElse(null), t.holder().isPresent() ? stored : null, conversationId);
            }
            return Optional.of(event(c, conversationId, kind, Optional.of(actor), holder.get(), t.holder(), note, 0, stored));
        });
    }

    private ConversationEvent event(Connection c, long conversationId, Kind kind, Optional<String> actor, Optional<String> from,
                                    Optional<String> to, String note, int messageSeq, Instant at) throws SQLException {
        long seq = Jdbc.insertNumbered(c, "seq", "INSERT INTO conversation_event (conversation_id, kind, actor, from_holder, to_holder, note, "
                        + "message_seq, at, seat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                conversationId, kind, actor.orElse(null), from.orElse(null), to.orElse(null), note.isEmpty() ? null : note,
                messageSeq, at, seat);
        return new ConversationEvent(seq, conversationId, kind, actor, from, to, note.isEmpty() ? Optional.empty() : Optional.of(note),
                messageSeq, at, seat);
    }

    @Override
    public List<ConversationEvent> eventsAfter(long seq, int limit) {
        return jdbc.query("SELECT * FROM conversation_event WHERE seq > ? ORDER BY seq LIMIT ?",
                JdbcConversationRepository::event, seq, limit);
    }

    @Override
    public long lastEventSeq() {
        return jdbc.queryOne("SELECT COALESCE(MAX(seq), 0) FROM conversation_event", rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public List<ConversationEvent> moves(long conversationId) {
        return jdbc.query("SELECT * FROM conversation_event WHERE conversation_id = ? AND kind IN "
                        + "('CLAIMED', 'TRANSFERRED', 'RELEASED', 'HANDED_OFF', 'TAKEN_OVER') ORDER BY seq",
                JdbcConversationRepository::event, conversationId);
    }

    private static ConversationEvent event(ResultSet rs) throws SQLException {
        return new ConversationEvent(rs.getLong("seq"), rs.getLong("conversation_id"), Kind.valueOf(rs.getString("kind")),
                Optional.ofNullable(rs.getString("actor")), Optional.ofNullable(rs.getString("from_holder")),
                Optional.ofNullable(rs.getString("to_holder")), Optional.ofNullable(rs.getString("note")),
                rs.getInt("message_seq"), Jdbc.instant(rs, "at"), rs.getString("seat"));
    }

    private static Assignment assignment(ResultSet rs) throws SQLException {
        return new Assignment(Team.valueOf(rs.getString("team")), Optional.ofNullable(rs.getString("holder")),
                Optional.ofNullable(Jdbc.instant(rs, "held_since")));
    }

    @Override
    public List<Message> messages(long conversationId) {
        return jdbc.query("SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq", JdbcConversationRepository::message,
                conversationId);
    }

    @Override
    public Optional<Message> message(long conversationId, int seq) {
        return jdbc.queryOne("SELECT * FROM messages WHERE conversation_id = ? AND seq = ?", JdbcConversationRepository::message,
                conversationId, seq);
    }

    private static Message message(ResultSet rs) throws SQLException {
        long suggestion = rs.getLong("suggestion_id");
        OptionalLong suggestionId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(suggestion);
        return new Message(rs.getLong("id"), rs.getLong("conversation_id"), rs.getInt("seq"),
                Author.valueOf(rs.getString("author")), rs.getString("body"), MessageOrigin.valueOf(rs.getString("origin")),
                suggestionId, Optional.ofNullable(rs.getString("agent")), Jdbc.instant(rs, "sent_at"));
    }

    @Override
    public void close(long conversationId, Instant closedAt, String summary, Optional<String> by) {
        jdbc.inTransaction("close the conversation", c -> {
            int closed = Jdbc.update(c, "UPDATE conversations SET status = ?, closed_at = ?, summary = ? WHERE id = ? AND status = ?",
                    ConversationStatus.CLOSED, closedAt, summary, conversationId, ConversationStatus.OPEN);
            if (closed > 0) {
                event(c, conversationId, Kind.CLOSED, by, Optional.empty(), Optional.empty(), "", 0, closedAt);
            }
            return closed;
        });
    }

    private static Conversation conversation(ResultSet rs) throws SQLException {
        return new Conversation(rs.getLong("id"), Optional.ofNullable(rs.getString("customer_id")),
                Channel.valueOf(rs.getString("channel")), rs.getString("title"),
                ConversationStatus.valueOf(rs.getString("status")), Jdbc.instant(rs, "started_at"),
                Optional.ofNullable(Jdbc.instant(rs, "closed_at")), Optional.ofNullable(rs.getString("summary")));
    }
}
