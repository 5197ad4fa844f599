package app.tandem.ui.customers;

import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Assignment;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationRepository;
import app.tandem.conversation.ConversationStatus;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.conversation.QueueEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Conversation headers in a list (no turns): enough for a customer's history; {@code limits} records what was asked for. */
final class InMemoryConversations implements ConversationRepository {

    private final List<Conversation> conversations = new ArrayList<>();
    final List<Integer> limits = new ArrayList<>();

    @Override
    public Conversation create(Optional<String> customerId, Channel channel, String title, Instant startedAt,
                               Optional<String> holder) {
        Conversation c = new Conversation(conversations.size() + 1, customerId, channel, title, ConversationStatus.OPEN,
                startedAt, Optional.empty(), Optional.empty());
        conversations.add(c);
        return c;
    }

    @Override
    public Optional<Conversation> find(long id) {
        return conversations.stream().filter(c -> c.id() == id).findFirst();
    }

    @Override
    public List<QueueEntry> queue() {
        return conversations.stream().filter(Conversation::isOpen).map(c -> new QueueEntry(c, 0, Optional.empty())).toList();
    }

    @Override
    public List<Conversation> forCustomer(String customerId, int limit) {
        limits.add(limit);
        return conversations.stream().filter(c -> c.customerId().filter(customerId::equals).isPresent())
                .sorted(Comparator.comparing(Conversation::startedAt).reversed()).limit(limit).toList();
    }

    @Override
    public Message append(long conversationId, Author author, String text, MessageOrigin origin, OptionalLong suggestionId,
                          Optional<String> agent, Instant sentAt) {
        throw new UnsupportedOperationException("turns are not kept here");
    }

    @Override
    public List<Message> messages(long conversationId) {
        return List.of();
    }

    // The customer screens show no attachments: these are never called from them.
    @Override
    public Message appendWithAttachment(long conversationId, String text, app.tandem.conversation.NewAttachment attachment,
                                        Instant sentAt) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<app.tandem.conversation.Attachment> attachments(long conversationId) {
        return List.of();
    }

    @Override
    public Optional<byte[]> attachmentContent(long attachmentId) {
        return Optional.empty();
    }

    @Override
    public boolean correctReadText(long attachmentId, String text, String by, Instant at) {
        return false;
    }

    @Override
    public void close(long conversationId, Instant closedAt, String summary, Optional<String> by) {
        conversations.replaceAll(c -> c.id() != conversationId ? c : new Conversation(c.id(), c.customerId(), c.channel(),
                c.title(), ConversationStatus.CLOSED, c.startedAt(), Optional.of(closedAt), Optional.of(summary)));
    }

    @Override
    public Optional<Assignment> assignment(long conversationId) {
        throw new UnsupportedOperationException("the queue is not kept here");
    }

    @Override
    public Optional<ConversationEvent> claim(long conversationId, String agent, Instant at) {
        throw new UnsupportedOperationException("the queue is not kept here");
    }

    @Override
    public Optional<ConversationEvent> transfer(long conversationId, String from, String to, String note, Instant at) {
        throw new UnsupportedOperationException("the queue is not kept here");
    }

    @Override
    public Optional<ConversationEvent> release(long conversationId, String from, String note, Instant at) {
        throw new UnsupportedOperationException("the queue is not kept here");
    }

    @Override
    public Optional<ConversationEvent> handOff(long conversationId, String from, String note, Instant at) {
        throw new UnsupportedOperationException("the queue is not kept here");
    }

    @Override
    public Optional<ConversationEvent> takeOver(long conversationId, String supervisor, Instant at) {
        throw new UnsupportedOperationException("the queue is not kept here");
    }

    @Override
    public List<ConversationEvent> eventsAfter(long seq, int limit) {
        return List.of();
    }

    @Override
    public long lastEventSeq() {
        return 0;
    }

    @Override
    public List<ConversationEvent> moves(long conversationId) {
        return List.of();
    }
}
