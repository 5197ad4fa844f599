package app.tandem.ui.desk;

import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the desk's view models read of the conversation on screen, to drop work that came back for another
 * conversation or an older turn. Read on the UI thread only.
 */
public interface OnScreen {

    boolean isSelected(long conversationId);

    Optional<Conversation> selected();

    /** The turns on screen, oldest first. */
    List<Message> turns();

    /** The customer wrote last: the agent owes a reply. */
    boolean awaitingAgent();

    /** The seq of the latest customer turn on screen. */
    OptionalInt latestCustomerSeq();
}
