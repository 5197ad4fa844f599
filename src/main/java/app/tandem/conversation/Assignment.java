package app.tandem.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * Who answers a conversation: nobody yet (it waits in {@code team}'s queue) or one person, since a moment.
 * Exactly one person holds a conversation at a time; the database decides who when two claim it at once.
 *
 * @param holder the username of whoever has it
 * @param since  when they took it (claimed, were given it, or took it over)
 */
public record Assignment(Team team, Optional<String> holder, Optional<Instant> since) {

    public static Assignment waiting(Team team) {
        return new Assignment(team, Optional.empty(), Optional.empty());
    }

    public static Assignment heldBy(Team team, String username, Instant since) {
        return new Assignment(team, Optional.of(username), Optional.of(since));
    }

    public boolean isWaiting() {
        return holder.isEmpty();
    }

    public boolean isHeldBy(String username) {
        return holder.filter(username::equals).isPresent();
    }
}
