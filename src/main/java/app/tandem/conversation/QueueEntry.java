package app.tandem.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * An open conversation as the queue shows it. {@code waitingSince} is when the customer's oldest
 * unanswered turn arrived; empty when the agent has replied to everything. {@code assignment}: who has it,
 * or which team's queue it waits in.
 */
public record QueueEntry(Conversation conversation, int lastSeq, Optional<Instant> waitingSince, Assignment assignment) {

    /** An entry waiting in the agents' queue (what a single seat's conversations were before the office queue). */
    public QueueEntry(Conversation conversation, int lastSeq, Optional<Instant> waitingSince) {
        this(conversation, lastSeq, waitingSince, Assignment.waiting(Team.AGENTS));
    }
}
