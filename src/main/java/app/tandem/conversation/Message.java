package app.tandem.conversation;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One turn of a conversation. {@code seq} counts turns from 1 within the conversation; a suggestion
 * request is tagged with it so results for an older turn can be dropped.
 */
public record Message(
        long id,
        long conversationId,
        int seq,
        Author author,
        String text,
        MessageOrigin origin,
        OptionalLong suggestionId,
        Optional<String> agent,
        Instant sentAt) {

    public boolean fromCustomer() {
        return author == Author.CUSTOMER;
    }
}
