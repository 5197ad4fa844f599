package app.tandem.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The conversations the simulated channel opened and no seat has taken yet, as every seat's queue shows them.
 * Seats pick among the oldest few, so two of them now and then claim the same one and the database picks the winner.
 */
final class WaitingConversations {

    /** How many of the oldest waiting conversations a seat chooses among. */
    private static final int OLDEST = 3;

    private final List<Long> waiting = new ArrayList<>();

    synchronized void add(long conversationId) {
        waiting.add(conversationId);
    }

    synchronized Optional<Long> pick(Random random) {
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(waiting.get(random.nextInt(Math.min(OLDEST, waiting.size()))));
    }

    /** A seat's claim on it won (or it is gone): no one else should try. */
    synchronized void taken(long conversationId) {
        waiting.remove(conversationId);
    }
}
