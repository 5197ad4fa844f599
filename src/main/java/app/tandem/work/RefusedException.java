package app.tandem.work;

import java.util.List;

/**
 * A request Tandem will not carry out, and why, as data: a reason (an enum of the refusing part) and its
 * arguments. The desk words it in the person's language from the two ({@code Texts.failure}, one key per
 * reason); {@link #getMessage()} is the English for logs and the command line. The refusals of messages,
 * article edits, turn corrections and transcript files share this, so the desk has one way to word them.
 */
public abstract class RefusedException extends IllegalArgumentException {

    /**
     * A reason enum that words itself in English from the refusal's arguments, so that a refusal needs
     * no wording of its own: {@code super(reason, args)}.
     */
    public interface WordedReason {
        String english(List<String> args);
    }

    private final Enum<?> reason;
    private final List<String> args;

    protected RefusedException(Enum<?> reason, String english, String... args) {
        super(english);
        this.reason = reason;
        this.args = List.of(args);
    }

    protected <R extends Enum<R> & WordedReason> RefusedException(R reason, String... args) {
        this(reason, reason.english(List.of(args)), args);
    }

    public Enum<?> reason() {
        return reason;
    }

    public List<String> args() {
        return args;
    }
}
