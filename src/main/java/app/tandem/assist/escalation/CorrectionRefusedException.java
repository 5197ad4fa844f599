package app.tandem.assist.escalation;

import app.tandem.work.RefusedException;

/**
 * An agent's correction of a turn that Tandem will not store, and why, as data: the desk words it in
 * the agent's language; {@link #getMessage()} is the English for the log.
 */
public final class CorrectionRefusedException extends RefusedException {

    public enum Reason {
        /** The intent typed is not an intent name (lower-case letters, digits, underscores). */
        BAD_INTENT_NAME,
        /** The entity was removed meanwhile (another correction, a re-annotation). */
        ENTITY_GONE,
        NOT_A_CUSTOMER_TURN
    }

    public CorrectionRefusedException(Reason reason) {
        super(reason, switch (reason) {
            case BAD_INTENT_NAME -> "An intent name is 2 to 64 lower-case letters, digits or underscores, e.g. lost_or_stolen_card";
            case ENTITY_GONE -> "That entity is not on this turn any more.";
            case NOT_A_CUSTOMER_TURN -> "Only customer turns can be corrected.";
        });
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
