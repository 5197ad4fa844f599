package app.tandem.conversation;

public enum ConversationStatus {
    OPEN,
    CLOSED
}
