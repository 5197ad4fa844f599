package app.tandem.conversation;

/** Who wrote a turn. */
public enum Author {
    CUSTOMER,
    AGENT
}
