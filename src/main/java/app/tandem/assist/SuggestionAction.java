package app.tandem.assist;

/** What the agent did with a suggestion shown to them. */
public enum SuggestionAction {
    ACCEPTED,
    EDITED,
    REJECTED,
    IGNORED
}
