package app.tandem.security;

/**
 * A user account that cannot be created as asked, with the reason as data so the UI can say it in the
 * person's language; the message is the same in English, for logs.
 *
 * @see AccountService#createUser
 */
public final class InvalidAccountException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public enum Problem {
        /**
         * Not 2–64 letters, digits, dots, dashes or underscores; detail: the name as given, or empty when the
         * name is longer than any user name (it may be a password pasted in the wrong field).
         */
        USERNAME_FORMAT,
        /** Detail: the minimum length. */
        PASSWORD_TOO_SHORT,
        /** Detail: the name. */
        USERNAME_TAKEN,
        /** Detail: the limit. The name itself is not repeated: it is personal data, and too long to show. */
        DISPLAY_NAME_TOO_LONG
    }

    private final Problem problem;
    private final String detail;

    public InvalidAccountException(Problem problem, String detail) {
        super(switch (problem) {
            case USERNAME_FORMAT -> "A user name is 2–64 letters, digits, dots, dashes or underscores.";
            case PASSWORD_TOO_SHORT -> "A password needs at least " + detail + " characters.";
            case USERNAME_TAKEN -> "The user name \"" + detail + "\" is taken.";
            case DISPLAY_NAME_TOO_LONG -> "A display name has at most " + detail + " characters.";
        });
        this.problem = problem;
        this.detail = detail;
    }

    public Problem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }
}
