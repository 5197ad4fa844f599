package app.tandem.conversation;

/** Where a conversation takes place. */
public enum Channel {
    CHAT,
    PHONE,
    BRANCH,
    REPLAY
}
