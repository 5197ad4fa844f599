package app.tandem.kb.curation;

/**
 * The person's role does not allow the change. {@link #action()} says which change, as data, so the
 * desk can say it in the person's language; the message is the English for the log.
 */
public final class NotPermittedException extends RuntimeException {

    /** The changes kept for supervisors and administrators. */
    public enum Action {
        /** Setting an article to a status an agent may not (published, archived): the status as an argument. */
        SET_STATUS,
        RESTORE_VERSION,
        /** Writing, switching on or off, or deleting a macro. */
        CHANGE_MACROS
    }

    private final Action action;
    private final String status;

    private NotPermittedException(Action action, String status, String message) {
        super(message);
        this.action = action;
        this.status = status;
    }

    /** {@code status} as the workflow names it ("PUBLISHED"). */
    public static NotPermittedException setStatus(String status) {
        return new NotPermittedException(Action.SET_STATUS, status, "Only a supervisor or an administrator may set an article to "
                + status.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".");
    }

    public static NotPermittedException changeMacros() {
        return new NotPermittedException(Action.CHANGE_MACROS, "", "Only supervisors and administrators change macros.");
    }

    public static NotPermittedException restoreVersion() {
        return new NotPermittedException(Action.RESTORE_VERSION, "", "Only a supervisor or an administrator may restore a version.");
    }

    public Action action() {
        return action;
    }

    /** SET_STATUS: the status the person tried to set; else "". */
    public String status() {
        return status;
    }
}
