package app.tandem.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * An open conversation as the queue shows it. {@code waitingSince} is when the customer's oldest
 * unanswered turn arrived; empty when the agent has replied to everything.
 */
public record QueueEntry(Conversation conversation, int lastSeq, Optional<Instant> waitingSince) {}
