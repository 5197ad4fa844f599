package app.tandem.work;

import java.util.List;

/** Why this PC could not join the office the person named on the join screen; nothing was kept. */
public final class JoinRefusedException extends RefusedException {

    public enum Reason implements WordedReason {
        /** args: what was typed, the problem. */
        BAD_ADDRESS,
        NO_KEY,
        /** args: the server as typed. */
        NOT_ANSWERING,
        /** args: the server as typed. */
        KEY_REFUSED,
        /** args: the server as typed, which side to upgrade (English, from the schema check). */
        OTHER_VERSION;

        @Override
        public String english(List<String> a) {
            return switch (this) {
                case BAD_ADDRESS -> "\"" + a.get(0) + "\" is not a server address: " + a.get(1);
                case NO_KEY -> "Type the office key the office server printed at its first start.";
                case NOT_ANSWERING -> "No Tandem office server answers at " + a.get(0)
                        + ". Check the address, and that tandem server runs on that PC.";
                case KEY_REFUSED -> "The office server at " + a.get(0) + " refused this key. Type the key it printed at its "
                        + "first start (tandem server --new-key on that PC makes a new one).";
                case OTHER_VERSION -> "The office server at " + a.get(0) + " runs another version of Tandem: " + a.get(1);
            };
        }
    }

    public JoinRefusedException(Reason reason, String... args) {
        super(reason, args);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
