package app.tandem.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Where conversations and their turns are kept. */
public interface ConversationRepository {

    Conversation create(Optional<String> customerId, Channel channel, String title, Instant startedAt);

    Optional<Conversation> find(long id);

    /** Open conversations, oldest first, with what the queue needs to show. */
    List<QueueEntry> queue();

    List<Conversation> forCustomer(String customerId, int limit);

    /** Appends a turn with the next sequence number, committed before it returns. */
    Message append(long conversationId, Author author, String text, MessageOrigin origin,
                   OptionalLong suggestionId, Optional<String> agent, Instant sentAt);

    List<Message> messages(long conversationId);

    void close(long conversationId, Instant closedAt, String summary);
}
