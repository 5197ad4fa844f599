package app.tandem.conversation;

/** How a message came to be: the customer's own words, or how the agent produced a reply. */
public enum MessageOrigin {
    CUSTOMER,
    TYPED,
    SUGGESTION_ACCEPTED,
    SUGGESTION_EDITED
}
