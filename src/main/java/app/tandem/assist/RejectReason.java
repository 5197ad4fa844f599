package app.tandem.assist;

import java.util.Optional;

/**
 * Why an agent rejected a suggestion, as a short choice. Stored as a language-neutral code (plus the
 * agent's own words, if any) in the suggestion log, so supervisors can count reasons whatever
 * language the desk was in.
 */
public enum RejectReason {
    WRONG_TOPIC("wrong-topic"),
    WRONG_FACTS("wrong-facts"),
    TONE("tone"),
    NOT_FOR_THIS_CUSTOMER("not-for-customer"),
    OTHER("other");

    /**
     * The most the agent may write beside the choice: {@link ReplyService#MAX_REASON_LENGTH} less the longest code
     * and its ": " (18 characters), so that every note the desk's field allows is stored whole.
     */
    public static final int MAX_NOTE_LENGTH = 480;

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** What goes into the log: "wrong-facts", "wrong-facts: fee changed in May", or the note alone. */
    public static Optional<String> describe(Optional<RejectReason> reason, Optional<String> note) {
        Optional<String> words = note.map(String::strip).filter(n -> !n.isEmpty());
        if (reason.isEmpty()) {
            return words;
        }
        return Optional.of(reason.get().code() + words.map(w -> ": " + w).orElse(""));
    }
}
