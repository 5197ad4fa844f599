package app.tandem.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live conversations: opening them, storing every turn before anyone is told about it, and
 * closing them with a summary.
 */
public final class ConversationService {

    /** Longer messages are refused rather than cut, so nothing the customer said is silently lost. */
    public static final int MAX_MESSAGE_LENGTH = 10_000;
    /** The size of conversations.title (V1__init.sql): a longer title is refused here, not by the database. */
    public static final int MAX_TITLE_LENGTH = 256;
    /** The size of conversations.summary (V1__init.sql), checked here for the same reason. */
    public static final int MAX_SUMMARY_LENGTH = 4_000;

    private final ConversationRepository conversations;
    private final Clock clock;
    private final List<ConversationListener> listeners = new CopyOnWriteArrayList<>();

    public ConversationService(ConversationRepository conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    public void addListener(ConversationListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ConversationListener listener) {
        listeners.remove(listener);
    }

    public Conversation open(Optional<String> customerId, Channel channel, String title) {
        String cleanTitle = title == null || title.isBlank() ? "Conversation" : title.strip();
        // Refused rather than cut: a cut title could drop what tells the agent the conversation apart.
        if (cleanTitle.length() > MAX_TITLE_LENGTH) {
            throw new MessageRejectedException(MessageRejectedException.Reason.TITLE_TOO_LONG,
                    String.valueOf(cleanTitle.length()), String.valueOf(MAX_TITLE_LENGTH));
        }
        Conversation conversation = conversations.create(customerId, channel, cleanTitle, clock.instant());
        listeners.forEach(l -> l.conversationOpened(conversation));
        return conversation;
    }

    /** Stores what the customer said; empty text is ignored and gives no message. */
    public Optional<Message> receiveFromCustomer(long conversationId, String text) {
        return append(conversationId, Author.CUSTOMER, text, MessageOrigin.CUSTOMER, OptionalLong.empty(), Optional.empty());
    }

    /** Stores the agent's reply with how it was made; empty text is ignored. */
    public Optional<Message> sendFromAgent(long conversationId, String text, MessageOrigin origin,
                                           OptionalLong suggestionId, String agent) {
        if (origin == MessageOrigin.CUSTOMER) {
            throw new IllegalArgumentException("An agent message cannot have the customer's origin");
        }
        return append(conversationId, Author.AGENT, text, origin, suggestionId, Optional.of(agent));
    }

    public List<Message> messages(long conversationId) {
        return conversations.messages(conversationId);
    }

    public Optional<Conversation> find(long conversationId) {
        return conversations.find(conversationId);
    }

    public List<QueueEntry> queue() {
        return conversations.queue();
    }

    public List<Conversation> history(String customerId, int limit) {
        return conversations.forCustomer(customerId, limit);
    }

    public void close(long conversationId, String summary) {
        String cleanSummary = summary == null ? "" : summary.strip();
        // Checked before the close is written, so a refused summary leaves the conversation open to try again.
        if (cleanSummary.length() > MAX_SUMMARY_LENGTH) {
            throw new MessageRejectedException(MessageRejectedException.Reason.SUMMARY_TOO_LONG,
                    String.valueOf(cleanSummary.length()), String.valueOf(MAX_SUMMARY_LENGTH));
        }
        conversations.close(conversationId, clock.instant(), cleanSummary);
        conversations.find(conversationId).ifPresent(c -> listeners.forEach(l -> l.conversationClosed(c)));
    }

    private Optional<Message> append(long conversationId, Author author, String text, MessageOrigin origin,
                                     OptionalLong suggestionId, Optional<String> agent) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String clean = text.strip();
        if (clean.length() > MAX_MESSAGE_LENGTH) {
            throw new MessageRejectedException(MessageRejectedException.Reason.TOO_LONG, String.valueOf(clean.length()),
                    String.valueOf(MAX_MESSAGE_LENGTH));
        }
        Conversation conversation = conversations.find(conversationId)
                .orElseThrow(() -> new MessageRejectedException(MessageRejectedException.Reason.NO_SUCH_CONVERSATION,
                        String.valueOf(conversationId)));
        if (!conversation.isOpen()) {
            throw new MessageRejectedException(MessageRejectedException.Reason.CLOSED);
        }
        Message message = conversations.append(conversationId, author, clean, origin, suggestionId, agent, clock.instant());
        listeners.forEach(l -> l.messageAdded(message));
        return Optional.of(message);
    }
}
