package app.tandem.conversation;

/**
 * Told about every change to conversations, on the thread that made it (often not the FX thread:
 * a UI listener must hand the work over to it).
 */
public interface ConversationListener {

    default void conversationOpened(Conversation conversation) {}

    default void messageAdded(Message message) {}

    default void conversationClosed(Conversation conversation) {}

    /** Claimed, transferred, put back, handed off or taken over; {@code move} says who, to whom, and the note. */
    default void conversationMoved(Conversation conversation, ConversationEvent move) {}
}
