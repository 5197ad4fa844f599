package app.tandem.kb.curation;

import java.util.Optional;

/**
 * The person's role does not allow the change. {@link #action()} says which change, as data, so the
 * desk can say it in the person's language; the message is the English for the log.
 */
public final class NotPermittedException extends RuntimeException {

    /** The changes kept for supervisors and administrators. */
    public enum Action {
        /** Setting an article to a status an agent may not (published, archived): the status as an argument. */
        SET_STATUS,
        RESTORE_VERSION
    }

    private final Optional<Action> action;
    private final String status;

    /** A refusal told only in English (the desk shows the message as it is). */
    public NotPermittedException(String message) {
        super(message);
        this.action = Optional.empty();
        this.status = "";
    }

    private NotPermittedException(Action action, String status, String message) {
        super(message);
        this.action = Optional.of(action);
        this.status = status;
    }

    /** {@code status} as the workflow names it ("PUBLISHED"). */
    public static NotPermittedException setStatus(String status) {
        return new NotPermittedException(Action.SET_STATUS, status, "Only a supervisor or an administrator may set an article to "
                + status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".");
    }

    public static NotPermittedException restoreVersion() {
        return new NotPermittedException(Action.RESTORE_VERSION, "", "Only a supervisor or an administrator may restore a version.");
    }

    public Optional<Action> action() {
        return action;
    }

    /** SET_STATUS: the status the person tried to set; else "". */
    public String status() {
        return status;
    }
}
