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
    /** The size of conversation_event.note (V25): what one agent writes for the next when passing a conversation on. */
    public static final int MAX_NOTE_LENGTH = 1_000;

    private final ConversationRepository conversations;
    private final Clock clock;
    private final List<ConversationListener> listeners = new CopyOnWriteArrayList<>();
    /** The listeners also told what other seats did ({@link #replay}). */
    private final List<ConversationListener> followers = new CopyOnWriteArrayList<>();

    public ConversationService(ConversationRepository conversations, Clock clock) {
        this.conversations = conversations;
        this.clock = clock;
    }

    /** Hears every change to conversations: made on this seat, and on a seat of an office, made on the others. */
    public void addListener(ConversationListener listener) {
        listeners.add(listener);
        followers.add(listener);
    }

    /**
     * Hears only the changes made on this seat, not those other seats made: for work done once in the office, by
     * the seat that made the change (learning from a closed conversation), which every seat would otherwise repeat.
     */
    public void addListenerForThisSeat(ConversationListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ConversationListener listener) {
        listeners.remove(listener);
        followers.remove(listener);
    }

    /** Opens a conversation that waits in the agents' queue (a customer arriving). */
    public Conversation open(Optional<String> customerId, Channel channel, String title) {
        return open(customerId, channel, title, Optional.empty());
    }

    /** Opens a conversation {@code agent} holds from the start (an agent opening it for a customer at the counter). */
    public Conversation openFor(Optional<String> customerId, Channel channel, String title, String agent) {
        return open(customerId, channel, title, Optional.of(agent));
    }

    private Conversation open(Optional<String> customerId, Channel channel, String title, Optional<String> holder) {
        String cleanTitle = title == null || title.isBlank() ? "Conversation" : title.strip();
        // Refused rather than cut: a cut title could drop what tells the agent the conversation apart.
        if (cleanTitle.length() > MAX_TITLE_LENGTH) {
            throw new MessageRejectedException(MessageRejectedException.Reason.TITLE_TOO_LONG,
                    String.valueOf(cleanTitle.length()), String.valueOf(MAX_TITLE_LENGTH));
        }
        Conversation conversation = conversations.create(customerId, channel, cleanTitle, clock.instant(), holder);
        listeners.forEach(l -> l.conversationOpened(conversation));
        return conversation;
    }

    /** Stores what the customer said; empty text is ignored and gives no message. */
    public Optional<Message> receiveFromCustomer(long conversationId, String text) {
        return append(conversationId, Author.CUSTOMER, text, MessageOrigin.CUSTOMER, OptionalLong.empty(), Optional.empty());
    }

    /**
     * Stores a customer turn that carried an attachment (an image from the web chat): one turn whose text is what
     * they typed plus the text read from the attachment, marked as read ({@link TurnText}), so understanding and
     * suggestions treat it as any turn. The typed text is refused over {@link #MAX_MESSAGE_LENGTH} like any turn.
     */
    public Message receiveWithAttachment(long conversationId, String typed, NewAttachment attachment) {
        String said = typed == null ? "" : typed.strip();
        refuseTooLong(said);
        openConversation(conversationId);
        String text = TurnText.compose(said, attachment.source(), attachment.read(), MAX_MESSAGE_LENGTH);
        Message message = conversations.appendWithAttachment(conversationId, text, attachment, clock.instant());
        listeners.forEach(l -> l.messageAdded(message));
        return message;
    }

    /** The attachments of a conversation's turns, without their full-size content. */
    public List<Attachment> attachments(long conversationId) {
        return conversations.attachments(conversationId);
    }

    /** An attachment as the customer sent it, for opening full size. */
    public Optional<byte[]> attachmentContent(long attachmentId) {
        return conversations.attachmentContent(attachmentId);
    }

    /**
     * Stores {@code agent}'s fix of the text read from an attachment: from then on it is what the attachment says
     * ({@link Attachment#meaning()}). The fix is checked like a turn; an empty one says the attachment has no text.
     */
    public Attachment.Correction correctReadText(long attachmentId, String text, String agent) {
        String clean = text == null ? "" : text.strip();
        refuseTooLong(clean);
        // Microseconds, as the database keeps them, so the correction returned is the one read back later.
        Attachment.Correction correction = new Attachment.Correction(clean, agent,
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        if (!conversations.correctReadText(attachmentId, clean, agent, correction.at())) {
            throw new MessageRejectedException(MessageRejectedException.Reason.NO_SUCH_CONVERSATION,
                    String.valueOf(attachmentId));
        }
        return correction;
    }

    private static void refuseTooLong(String clean) {
        if (clean.length() > MAX_MESSAGE_LENGTH) {
            throw new MessageRejectedException(MessageRejectedException.Reason.TOO_LONG, String.valueOf(clean.length()),
                    String.valueOf(MAX_MESSAGE_LENGTH));
        }
    }

    private Conversation openConversation(long conversationId) {
        Conversation conversation = conversations.find(conversationId)
                .orElseThrow(() -> new MessageRejectedException(MessageRejectedException.Reason.NO_SUCH_CONVERSATION,
                        String.valueOf(conversationId)));
        if (!conversation.isOpen()) {
            throw new MessageRejectedException(MessageRejectedException.Reason.CLOSED);
        }
        return conversation;
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

    /** One turn by its number (empty when there is no such turn). */
    public Optional<Message> message(long conversationId, int seq) {
        return conversations.message(conversationId, seq);
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

    /** Who has the conversation, or which queue it waits in; empty when there is no such conversation. */
    public Optional<Assignment> assignment(long conversationId) {
        return conversations.assignment(conversationId);
    }

    /** Its claims, transfers, handoffs and take-overs with their notes, oldest first. */
    public List<ConversationEvent> moves(long conversationId) {
        return conversations.moves(conversationId);
    }

    /**
     * {@code agent} takes a waiting conversation. False when someone else was first (exactly one of any number of
     * simultaneous claims wins) or it is closed.
     */
    public boolean claim(long conversationId, String agent) {
        return moved(conversationId, conversations.claim(conversationId, agent, clock.instant()));
    }

    /** Gives a conversation {@code from} holds to colleague {@code to}, with a note for them. */
    public void transfer(long conversationId, String from, String to, String note) {
        String clean = note(note);
        refuseUnlessMoved(conversationId, conversations.transfer(conversationId, from, to, clean, clock.instant()));
    }

    /** Puts a conversation {@code from} holds back in the agents' queue, with a note for whoever claims it next. */
    public void release(long conversationId, String from, String note) {
        String clean = note(note);
        refuseUnlessMoved(conversationId, conversations.release(conversationId, from, clean, clock.instant()));
    }

    /** Hands a conversation {@code from} holds to the supervisors' queue, with a note: an escalation made a handoff. */
    public void handOff(long conversationId, String from, String note) {
        String clean = note(note);
        refuseUnlessMoved(conversationId, conversations.handOff(conversationId, from, clean, clock.instant()));
    }

    /** A supervisor takes an open conversation from whoever has it; returns who had it (empty: it was waiting). */
    public Optional<String> takeOver(long conversationId, String supervisor) {
        Optional<ConversationEvent> move = conversations.takeOver(conversationId, supervisor, clock.instant());
        refuseUnlessMoved(conversationId, move);
        return move.flatMap(ConversationEvent::from);
    }

    /**
     * Tells this seat's listeners about a change another seat made, read from the office feed (the seat's own
     * changes were told when they were made).
     */
    public void replay(ConversationEvent event) {
        switch (event.kind()) {
            case OPENED -> conversations.find(event.conversationId())
                    .ifPresent(c -> followers.forEach(l -> l.conversationOpened(c)));
            case MESSAGE -> conversations.message(event.conversationId(), event.messageSeq())
                    .ifPresent(m -> followers.forEach(l -> l.messageAdded(m)));
            case CLOSED -> conversations.find(event.conversationId())
                    .ifPresent(c -> followers.forEach(l -> l.conversationClosed(c)));
            default -> conversations.find(event.conversationId())
                    .ifPresent(c -> followers.forEach(l -> l.conversationMoved(c, event)));
        }
    }

    private String note(String note) {
        String clean = note == null ? "" : note.strip();
        if (clean.length() > MAX_NOTE_LENGTH) {
            throw new MessageRejectedException(MessageRejectedException.Reason.NOTE_TOO_LONG,
                    String.valueOf(clean.length()), String.valueOf(MAX_NOTE_LENGTH));
        }
        return clean;
    }

    private boolean moved(long conversationId, Optional<ConversationEvent> move) {
        move.ifPresent(e -> conversations.find(conversationId).ifPresent(c -> listeners.forEach(l -> l.conversationMoved(c, e))));
        return move.isPresent();
    }

    private void refuseUnlessMoved(long conversationId, Optional<ConversationEvent> move) {
        if (!moved(conversationId, move)) {
            Conversation c = conversations.find(conversationId)
                    .orElseThrow(() -> new MessageRejectedException(MessageRejectedException.Reason.NO_SUCH_CONVERSATION,
                            String.valueOf(conversationId)));
            throw new MessageRejectedException(c.isOpen() ? MessageRejectedException.Reason.NOT_YOURS
                    : MessageRejectedException.Reason.CLOSED);
        }
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
        refuseTooLong(clean);
        Conversation conversation = openConversation(conversationId);
        // An agent's first reply to a waiting conversation claims it (in the append's transaction): this seat's
        // listeners hear the claim as a move, as other seats do from the feed.
        boolean claims = author == Author.AGENT
                && conversations.assignment(conversationId).map(Assignment::isWaiting).orElse(false);
        Message message = conversations.append(conversationId, author, clean, origin, suggestionId, agent, clock.instant());
        if (claims) {
            List<ConversationEvent> moves = conversations.moves(conversationId);
            if (!moves.isEmpty() && moves.get(moves.size() - 1).kind() == ConversationEvent.Kind.CLAIMED) {
                ConversationEvent claim = moves.get(moves.size() - 1);
                listeners.forEach(l -> l.conversationMoved(conversation, claim));
            }
        }
        listeners.forEach(l -> l.messageAdded(message));
        return Optional.of(message);
    }
}
