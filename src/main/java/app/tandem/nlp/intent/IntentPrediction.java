package app.tandem.nlp.intent;

/**
 * The intent of one customer turn.
 *
 * @param intent     the most likely intent (e.g. {@code card_arrival}), even when out of scope
 * @param confidence its softmax probability, 0..1
 * @param outOfScope true when the confidence is below the threshold calibrated on validation data:
 *                   show no intent (or "other") rather than a guess
 */
public record IntentPrediction(String intent, double confidence, boolean outOfScope) {}
