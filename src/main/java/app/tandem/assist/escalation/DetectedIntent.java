package app.tandem.assist.escalation;

import java.util.Locale;

/**
 * What the customer wants, as an intent source names it.
 *
 * @param intent     a name such as {@code lost_or_stolen_card} (Banking77 style)
 * @param confidence 0..1
 * @param urgent     whether it needs action now (lost or stolen card, fraud, a compromised account)
 * @param origin     who said so, for the chip's tooltip in the person's language
 * @param detail     which one: the model version ({@code v003}), the article's title; empty for keywords and agents
 */
public record DetectedIntent(String intent, double confidence, boolean urgent, Origin origin, String detail) {

    /** The kinds of intent sources. */
    public enum Origin { MODEL, KEYWORDS, ARTICLE, AGENT }

    /** Who said so, in English words, for escalation reasons and logs: "intent model v003 (87%)", "keywords". */
    public String source() {
        return switch (origin) {
            case MODEL -> String.format(Locale.ROOT, "intent model %s (%d%%)", detail, Math.round(100 * confidence));
            case KEYWORDS -> "keywords";
            case ARTICLE -> "article \"" + detail + "\"";
            case AGENT -> "agent";
        };
    }
}
