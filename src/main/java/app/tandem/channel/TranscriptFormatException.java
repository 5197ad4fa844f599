package app.tandem.channel;

import app.tandem.work.RefusedException;

/**
 * A file the agent picked to replay is not a transcript, and why, as data: the desk words it in the
 * agent's language; {@link #getMessage()} says it in English for the log.
 */
public final class TranscriptFormatException extends RefusedException {

    public enum Problem {
        /** args: the file name, the line number, the line as found (shortened). */
        NOT_A_TURN,
        /** args: the file name. */
        NO_CUSTOMER_TURN,
        /** args: the file name, the limit in MB. */
        TOO_LARGE,
        /**
         * args: the file name, the line number, the header's name ("title", "customer"), its length, the limit.
         * The value is not repeated: a title may name the customer, and it is too long to show anyway.
         */
        HEADER_TOO_LONG,
        /** args: the file name. The id is not repeated; the "# customer" line is the one to check. */
        UNKNOWN_CUSTOMER,
        /** args: the file name (binary, or text in another encoding than UTF-8). */
        NOT_TEXT,
        /** args: the file name, the line number, the turn's length, the limit. The turn is not repeated: it is too long. */
        TURN_TOO_LONG,
        /** args: the file name, the line number, the longest delay in seconds. */
        DELAY_TOO_LONG
    }

    TranscriptFormatException(Problem problem, String... args) {
        super(problem, english(problem, args), args);
    }

    public Problem problem() {
        return (Problem) reason();
    }

    private static String english(Problem problem, String... a) {
        return switch (problem) {
            case NOT_A_TURN -> a[0] + " line " + a[1] + ": expected \"customer: text\" or \"agent: text\", found \"" + a[2] + "\"";
            case NO_CUSTOMER_TURN -> a[0] + ": the transcript has no customer turn";
            case TOO_LARGE -> a[0] + " is larger than " + a[1] + " MB: not a transcript";
            case HEADER_TOO_LONG -> a[0] + " line " + a[1] + ": the " + a[2] + " has " + a[3] + " characters; the limit is " + a[4];
            case UNKNOWN_CUSTOMER -> a[0] + ": Tandem has no customer with the id in its \"# customer\" line";
            case NOT_TEXT -> a[0] + " is not UTF-8 text: not a transcript";
            case TURN_TOO_LONG -> a[0] + " line " + a[1] + ": the turn has " + a[2] + " characters; the limit is " + a[3];
            case DELAY_TOO_LONG -> a[0] + " line " + a[1] + ": the delay is longer than " + a[2] + " seconds";
        };
    }
}
