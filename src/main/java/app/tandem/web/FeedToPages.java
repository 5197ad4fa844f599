package app.tandem.web;

import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.FeedReader;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the office's conversation feed and pushes what reaches a customer's page: turns (an agent's reply from
 * any seat) and closes, for the conversations a page is watching. The feed, not this process's listeners, because
 * the reply is usually written by another process: a seat of the office.
 */
final class FeedToPages implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedToPages.class);
    /** Well inside the second within which a reply must reach the page. */
    static final long EVERY_MS = 200;
    private static final long PING_EVERY_MS = 15_000;

    private final FeedReader feed;
    private final ConversationService conversations;
    private final ChatStreams streams;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tandem-web-chat-feed");
        t.setDaemon(true);
        return t;
    });

    FeedToPages(FeedReader feed, ConversationService conversations, ChatStreams streams) {
        this.feed = feed;
        this.conversations = conversations;
        this.streams = streams;
    }

    void start() {
        timer.scheduleWithFixedDelay(this::readOnce, EVERY_MS, EVERY_MS, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> streams.all(ChatStream::ping), PING_EVERY_MS, PING_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private void readOnce() {
        try {
            feed.readNew(this::push);
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the reader has not moved past what it did not hand on.
            log.warn("The web chat could not read the conversation feed: {}", e.getMessage());
        }
    }

    private void push(ConversationEvent event) {
        long id = event.conversationId();
        if (!streams.watched(id)) {
            return;
        }
        switch (event.kind()) {
            case MESSAGE -> conversations.messages(id).stream().filter(m -> m.seq() == event.messageSeq()).findFirst()
                    .ifPresent(turn -> streams.each(id, s -> s.send(turn)));
            case CLOSED -> streams.each(id, ChatStream::closed);
            default -> {
                // Claims and transfers are the office's business, not the customer's.
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
