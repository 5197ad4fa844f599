package app.tandem.nlp.sentiment;

import java.util.Locale;

/** How a customer turn sounds, as far as the desk cares: calm, unhappy, angry, or needing action now. */
public enum Sentiment {
    NEUTRAL,
    NEGATIVE,
    ANGRY,
    URGENT;

    /** Unhappy or angry: two of these in a row escalate the conversation. */
    public boolean negative() {
        return this == NEGATIVE || this == ANGRY;
    }

    /** Anything but neutral gets a chip the agent notices. */
    public boolean flagged() {
        return this != NEUTRAL;
    }

    /** Reads {@code neutral}, {@code NEGATIVE} …; a clear message for anything else. */
    public static Sentiment parse(String label) {
        try {
            return valueOf(label.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Unknown sentiment label \"" + label + "\"; use neutral, negative, angry or urgent");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
