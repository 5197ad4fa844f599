package app.tandem.assist.escalation;

/**
 * What the customer wants, as an intent source names it.
 *
 * @param intent     a name such as {@code lost_or_stolen_card} (Banking77 style)
 * @param confidence 0..1
 * @param urgent     whether it needs action now (lost or stolen card, fraud, a compromised account)
 * @param source     who said so: "keywords", "intent model", "agent"
 */
public record DetectedIntent(String intent, double confidence, boolean urgent, String source) {}
