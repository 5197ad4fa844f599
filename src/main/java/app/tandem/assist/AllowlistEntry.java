package app.tandem.assist;

import java.util.List;

/**
 * A reply agents have sent before (one cluster of near-identical replies), the customer messages it
 * answered, and what supervisors decided about it.
 */
public record AllowlistEntry(long id, String language, String text, Status status, int timesSent, List<String> questions) {

    public enum Status { UNREVIEWED, ALLOWED, BLOCKED }

    public AllowlistEntry {
        questions = List.copyOf(questions);
    }
}
