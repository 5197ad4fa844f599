package app.tandem.channel;

import app.tandem.conversation.Author;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A recorded conversation to play back as a live customer (docs/transcripts.md). Agent turns are the
 * replies a human agent sent: replay does not send them, evaluation compares against them.
 */
public record Transcript(String name, String title, Optional<String> customerId, String language, String channel,
                         List<Turn> turns) {

    public Transcript {
        turns = List.copyOf(turns);
    }

    /** One turn; {@code delay} is how long replay waits before the customer "sends" it. */
    public record Turn(Author author, String text, Duration delay) {}

    public List<Turn> customerTurns() {
        return turns.stream().filter(t -> t.author() == Author.CUSTOMER).toList();
    }
}
