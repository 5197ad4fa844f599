package app.tandem.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the office's conversation feed: every change to a conversation (opened, a turn, claimed, moved,
 * closed) is numbered in the transaction that makes it, so every seat can follow what the others did.
 *
 * @param seq        the feed's number, rising with each commit (gaps possible)
 * @param actor      who did it (a username; empty for the customer or the system)
 * @param from       for a move, who had the conversation before (empty: it was waiting in a queue)
 * @param to         for a move, who has it after (empty: it waits in a queue)
 * @param note       what the person handing it over wrote for the next one
 * @param messageSeq for {@link Kind#MESSAGE}, the turn's number in its conversation; otherwise 0
 * @param seat       the seat (process) that wrote it, so a seat can skip what it already told its own listeners
 */
public record ConversationEvent(long seq, long conversationId, Kind kind, Optional<String> actor, Optional<String> from,
                                Optional<String> to,
                                Optional<String> note, int messageSeq, Instant at, String seat) {

    public enum Kind {
        OPENED,
        MESSAGE,
        /** An agent took a waiting conversation (explicitly, or by replying to it first). */
        CLAIMED,
        /** Given to a named colleague, with a note. */
        TRANSFERRED,
        /** Put back in the agents' queue, with a note. */
        RELEASED,
        /** Put in the supervisors' queue, with a note: the escalation becomes a handoff. */
        HANDED_OFF,
        /** A supervisor took it from whoever had it (or from a queue). */
        TAKEN_OVER,
        CLOSED;

        /** The kinds that change who answers the conversation. */
        public boolean movesIt() {
            return this == CLAIMED || this == TRANSFERRED || this == RELEASED || this == HANDED_OFF || this == TAKEN_OVER;
        }
    }
}
