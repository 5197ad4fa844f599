package app.tandem.conversation;

/** Whose queue a conversation waits in: the office's agents, or its supervisors once an agent hands it off. */
public enum Team {
    AGENTS,
    SUPERVISORS
}
