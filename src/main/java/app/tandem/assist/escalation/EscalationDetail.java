package app.tandem.assist.escalation;

import java.util.Arrays;
import java.util.List;

/**
 * What exactly triggered an escalation, as data the desk puts into words in the person's language
 * (the banner, the supervisors' list); {@link #english()} is the same in English for logs.
 *
 * <p>Arguments by kind: ASKED and SAID — the customer's words that matched (shown as they were said);
 * NEGATIVE_TURNS — the two {@code Sentiment} names, earlier turn first; URGENT_INTENT — the intent id,
 * the {@code DetectedIntent.Origin} name, the origin's detail (model version, article title) and the
 * confidence in whole percent; URGENT_CUES — the sentiment cues, comma-separated; NO_CONFIDENT_SUGGESTION
 * — the confidence bar in whole percent; TEXT — a sentence stored before escalations kept their detail as
 * data, shown as it is.
 */
public record EscalationDetail(Kind kind, List<String> args) {

    /** The kinds of detail, one per way a rule fires. */
    public enum Kind { ASKED, SAID, NEGATIVE_TURNS, URGENT_INTENT, URGENT_CUES, NO_CONFIDENT_SUGGESTION, TEXT }

    /** Separates the kind and the arguments in the stored form (ASCII unit separator: never in a customer's words). */
    private static final char SEPARATOR = '\u001f';

    public EscalationDetail {
        args = List.copyOf(args);
    }

    public static EscalationDetail of(Kind kind, String... args) {
        return new EscalationDetail(kind, List.of(args));
    }

    /** The {@code i}-th argument, or "" when there is none. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** One line for the database: the kind's name and the arguments, separated by U+001F. */
    public String stored() {
        StringBuilder sb = new StringBuilder(kind.name());
        for (String a : args) {
            sb.append(SEPARATOR).append(a.replace(SEPARATOR, ' '));
        }
        return sb.toString();
    }

    /** Reads {@link #stored()}; anything else (a sentence from an older version) is TEXT. */
    public static EscalationDetail parse(String stored) {
        if (stored == null) {
            return of(Kind.TEXT, "");
        }
        String[] parts = stored.split(String.valueOf(SEPARATOR), -1);
        for (Kind k : Kind.values()) {
            if (k.name().equals(parts[0]) && (parts.length > 1 || k == Kind.TEXT)) {
                return new EscalationDetail(k, Arrays.asList(parts).subList(1, parts.length));
            }
        }
        return of(Kind.TEXT, stored);
    }

    /** In English words, for logs: "asked: "speak to a manager"", "lost_or_stolen_card (keywords)". */
    public String english() {
        return switch (kind) {
            case ASKED -> "asked: \"" + arg(0) + "\"";
            case SAID -> "said: \"" + arg(0) + "\"";
            case NEGATIVE_TURNS -> "two " + arg(0).toLowerCase(java.util.Locale.ROOT) + "/" + arg(1).toLowerCase(java.util.Locale.ROOT)
                    + " turns in a row";
            case URGENT_INTENT -> arg(0).replace('_', ' ') + " (" + arg(1).toLowerCase(java.util.Locale.ROOT)
                    + (arg(2).isEmpty() ? "" : " " + arg(2)) + (arg(3).isEmpty() ? "" : ", " + arg(3) + "%") + ")";
            case URGENT_CUES -> "urgent: " + arg(0);
            case NO_CONFIDENT_SUGGESTION -> "no suggestion at " + arg(0) + "% confidence or more for two customer turns";
            case TEXT -> arg(0);
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
