package app.tandem.conversation;

import java.time.Instant;
import java.util.Optional;

/** A conversation's header; its turns are read separately. */
public record Conversation(
        long id,
        Optional<String> customerId,
        Channel channel,
        String title,
        ConversationStatus status,
        Instant startedAt,
        Optional<Instant> closedAt,
        Optional<String> summary) {

    public boolean isOpen() {
        return status == ConversationStatus.OPEN;
    }
}
