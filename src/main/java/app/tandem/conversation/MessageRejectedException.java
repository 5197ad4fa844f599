package app.tandem.conversation;

import app.tandem.work.RefusedException;
import java.util.List;

/**
 * A message Tandem will not store, and why, as data: the desk words it in the agent's language
 * ({@code Texts.failure}); {@link #getMessage()} says it in English for logs and the command line.
 */
public final class MessageRejectedException extends RefusedException {

    public enum Reason implements WordedReason {
        /** args: the message's length, the limit. */
        TOO_LONG,
        /** args: the conversation id. */
        NO_SUCH_CONVERSATION,
        CLOSED,
        /** args: the gaps still to fill in, as the reply shows them, joined by ", ". */
        GAPS_TO_FILL;

        @Override
        public String english(List<String> a) {
            return switch (this) {
                case TOO_LONG -> "This message has " + a.get(0) + " characters; the limit is " + a.get(1)
                        + ". Split it into shorter messages.";
                case NO_SUCH_CONVERSATION -> "Conversation " + a.get(0) + " no longer exists.";
                case CLOSED -> "This conversation is closed.";
                case GAPS_TO_FILL -> "Fill in " + a.get(0) + " before sending: the reply still has a value missing.";
            };
        }
    }

    public MessageRejectedException(Reason reason, String... args) {
        super(reason, args);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
