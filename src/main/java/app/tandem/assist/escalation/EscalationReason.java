package app.tandem.assist.escalation;

/** Why a conversation needs a supervisor's eye. */
public enum EscalationReason {
    /** The customer asked for a person, a manager or a supervisor (人工, 经理). */
    ASKED_FOR_HUMAN,
    /** The customer said they want to complain (complaint, 投诉). */
    COMPLAINT,
    /** Two customer turns in a row were negative or angry. */
    REPEATED_NEGATIVE,
    /** Lost or stolen card, fraud, a compromised account: act now. */
    URGENT_INTENT,
    /** Two customer turns in a row got no confident suggestion. */
    NO_CONFIDENT_SUGGESTION
}
