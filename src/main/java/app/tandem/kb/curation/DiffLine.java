package app.tandem.kb.curation;

/** One line of a line diff between two texts. */
public record DiffLine(Kind kind, String text) {

    public enum Kind { SAME, REMOVED, ADDED }
}
