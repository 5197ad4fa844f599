package app.tandem.nlp.intent;

import java.util.Locale;

/**
 * Whether a newly trained intent model became the current one, and why, as data: the Training tab says
 * it in the person's language, {@link #english()} says it for the report, the command line and logs.
 *
 * @param comparedWith    the current version it was compared with; "" when there was none
 * @param accuracy        the new model's validation accuracy
 * @param currentAccuracy the current model's accuracy on the same split (−1 when it could not be scored)
 */
public record Promotion(Kind kind, String comparedWith, double accuracy, double currentAccuracy) {

    /** Report key of the decision as data ({@link Kind} name), beside the English sentence under "decision". */
    public static final String REPORT_KIND = "decision.kind";

    public enum Kind {
        /** Asked only to evaluate, never to promote. */
        EVALUATION_RUN,
        /** There was no current model. */
        FIRST_MODEL,
        /** Nothing held out to compare on: the current model stays. */
        NO_VALIDATION_DATA,
        BEATS_CURRENT,
        DOES_NOT_BEAT_CURRENT
    }

    public boolean promoted() {
        return kind == Kind.FIRST_MODEL || kind == Kind.BEATS_CURRENT;
    }

    public String english() {
        return switch (kind) {
            case EVALUATION_RUN -> "not promoted (evaluation run)";
            case FIRST_MODEL -> "promoted: first intent model";
            case NO_VALIDATION_DATA -> "not promoted: no validation data to compare with " + comparedWith;
            case BEATS_CURRENT -> String.format(Locale.ROOT, "promoted: validation accuracy %.4f beats %s's %.4f", accuracy,
                    comparedWith, currentAccuracy);
            case DOES_NOT_BEAT_CURRENT -> String.format(Locale.ROOT, "not promoted: validation accuracy %.4f does not beat %s's %.4f",
                    accuracy, comparedWith, currentAccuracy);
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
