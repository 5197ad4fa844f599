package app.tandem.conversation;

import app.tandem.work.RefusedException;
import java.util.List;

/**
 * A message, conversation title, closing summary or reason for rejecting a suggestion Tandem will not store, and why, as data: the desk words it in the agent's language
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
        GAPS_TO_FILL,
        /** args: the title's length, the limit. The title itself is not repeated: it may name the customer. */
        TITLE_TOO_LONG,
        /** args: the summary's length, the limit; the summary is not repeated, for the same reason. */
        SUMMARY_TOO_LONG,
        /** args: the length of the reason for rejecting a suggestion, the limit. */
        REJECT_REASON_TOO_LONG,
        /** args: the username of whoever holds the conversation. Nothing was sent; the draft stays. */
        HELD_BY_SOMEONE_ELSE,
        /** A transfer, release or handoff of a conversation the person does not hold (any more). */
        NOT_YOURS,
        /** args: the colleague's username. */
        NO_SUCH_COLLEAGUE,
        /** args: the note's length, the limit. */
        NOTE_TOO_LONG;

        @Override
        public String english(List<String> a) {
            return switch (this) {
                case TOO_LONG -> "This message has " + a.get(0) + " characters; the limit is " + a.get(1)
                        + ". Split it into shorter messages.";
                case NO_SUCH_CONVERSATION -> "Conversation " + a.get(0) + " no longer exists.";
                case CLOSED -> "This conversation is closed.";
                case GAPS_TO_FILL -> "Fill in " + a.get(0) + " before sending: the reply still has a value missing.";
                case TITLE_TOO_LONG -> "This title has " + a.get(0) + " characters; the limit is " + a.get(1) + ". Shorten it.";
                case SUMMARY_TOO_LONG -> "This summary has " + a.get(0) + " characters; the limit is " + a.get(1) + ". Shorten it.";
                case REJECT_REASON_TOO_LONG -> "This reason has " + a.get(0) + " characters; the limit is " + a.get(1)
                        + ". Shorten it; the suggestion was not rejected.";
                case HELD_BY_SOMEONE_ELSE -> a.get(0) + " has this conversation now; your message was not sent and stays in the box.";
                case NOT_YOURS -> "You no longer have this conversation, so it cannot be passed on from here.";
                case NO_SUCH_COLLEAGUE -> "There is no colleague called " + a.get(0) + ".";
                case NOTE_TOO_LONG -> "This note has " + a.get(0) + " characters; the limit is " + a.get(1) + ". Shorten it.";
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
