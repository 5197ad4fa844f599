package app.tandem.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where conversations and their turns are kept. Every write also adds its {@link ConversationEvent} in the same
 * transaction, so the office feed holds exactly what was committed.
 */
public interface ConversationRepository {

    /** Opens a conversation waiting in the agents' queue, or held by {@code holder} from the start (an agent opening it). */
    Conversation create(Optional<String> customerId, Channel channel, String title, Instant startedAt, Optional<String> holder);

    default Conversation create(Optional<String> customerId, Channel channel, String title, Instant startedAt) {
        return create(customerId, channel, title, startedAt, Optional.empty());
    }

    Optional<Conversation> find(long id);

    /** Open conversations, oldest first, with what the queue needs to show. */
    List<QueueEntry> queue();

    List<Conversation> forCustomer(String customerId, int limit);

    /**
     * Appends a turn with the next sequence number, committed before it returns. An agent's turn on a waiting
     * conversation claims it in the same transaction; on one someone else holds it is refused
     * ({@link MessageRejectedException.Reason#HELD_BY_SOMEONE_ELSE}) and nothing is written.
     */
    Message append(long conversationId, Author author, String text, MessageOrigin origin,
                   OptionalLong suggestionId, Optional<String> agent, Instant sentAt);

    List<Message> messages(long conversationId);

    /** One turn by its number: what a follower of the feed reads for each new turn, without the whole conversation. */
    default Optional<Message> message(long conversationId, int seq) {
        return messages(conversationId).stream().filter(m -> m.seq() == seq).findFirst();
    }

    /**
     * Appends a customer turn that carried an attachment: the message, its attachment and the feed row in one
     * transaction, so no seat ever sees the turn without what it carried.
     */
    Message appendWithAttachment(long conversationId, String text, NewAttachment attachment, Instant sentAt);

    /** The attachments of a conversation's turns, in turn order, without their full-size content. */
    List<Attachment> attachments(long conversationId);

    /** The full-size content of an attachment, as the customer sent it; empty when there is no such attachment. */
    Optional<byte[]> attachmentContent(long attachmentId);

    /** Stores an agent's fix of an attachment's read text; false when there is no such attachment. */
    boolean correctReadText(long attachmentId, String text, String by, Instant at);

    void close(long conversationId, Instant closedAt, String summary, Optional<String> by);

    default void close(long conversationId, Instant closedAt, String summary) {
        close(conversationId, closedAt, summary, Optional.empty());
    }

    /** Who has the conversation, or which queue it waits in; empty when there is no such conversation. */
    Optional<Assignment> assignment(long conversationId);

    // Each move below returns the feed row it wrote, or empty when it was refused and nothing was written.

    /** Takes a waiting open conversation; present for exactly one of any number of simultaneous claims. */
    Optional<ConversationEvent> claim(long conversationId, String agent, Instant at);

    /** Gives a conversation {@code from} holds to {@code to}; empty when {@code from} does not hold it (any more). */
    Optional<ConversationEvent> transfer(long conversationId, String from, String to, String note, Instant at);

    /** Puts a conversation {@code from} holds back in the agents' queue; empty when {@code from} does not hold it. */
    Optional<ConversationEvent> release(long conversationId, String from, String note, Instant at);

    /** Puts a conversation {@code from} holds in the supervisors' queue; empty when {@code from} does not hold it. */
    Optional<ConversationEvent> handOff(long conversationId, String from, String note, Instant at);

    /** A supervisor takes an open conversation whoever holds it (the row's {@code from}); empty when it is closed or gone. */
    Optional<ConversationEvent> takeOver(long conversationId, String supervisor, Instant at);

    /** The feed after {@code seq}, oldest first, at most {@code limit} rows. */
    List<ConversationEvent> eventsAfter(long seq, int limit);

    /** The feed's newest number (0 when empty): where a seat starts following. */
    long lastEventSeq();

    /** A conversation's moves (claims, transfers, handoffs, take-overs) with their notes, oldest first. */
    List<ConversationEvent> moves(long conversationId);
}
