package app.tandem.assist;

/**
 * Why a turn's suggestions came back empty, as data: the desk words it in the agent's language (ADR 0005),
 * and its tests compare these values, never sentences.
 */
public enum SuggestionNotice {
    /** No customer turn to answer yet. */
    WAITING,
    /** Candidates were found, none above the confidence bar. */
    ABSTAIN,
    /** Nothing in the knowledge base matched the turn at all. */
    NO_MATCH,
    /** The knowledge base has no article yet: a supervisor can write or import some. */
    EMPTY_KB
}
