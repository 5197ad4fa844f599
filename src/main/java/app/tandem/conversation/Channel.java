package app.tandem.conversation;

/** Where a conversation takes place. */
public enum Channel {
    CHAT,
    PHONE,
    BRANCH,
    REPLAY,
    /** The customer chat page served by the office server or a solo desk (issue 18). */
    WEB
}
