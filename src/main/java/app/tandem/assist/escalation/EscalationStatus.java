package app.tandem.assist.escalation;

public enum EscalationStatus {
    OPEN,
    ACKNOWLEDGED
}
