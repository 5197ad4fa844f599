package app.tandem.assist;

/** Where a suggested reply came from: its provenance, shown to the agent and kept for audit. */
public enum SuggestionSource {
    ARTICLE,
    HISTORY,
    MACRO
}
