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
    /**
     * A reply reaches the page within about this (issue 18's goal: p99 under 200 ms). When nothing changed a look is
     * one indexed query (the feed's last number), so 20 a second cost the office server little.
     */
    static final long EVERY_MS = 50;
    private static final long PING_EVERY_MS = 15_000;

    private final FeedReader feed;
    private final ConversationService conversations;
    private final ChatStreams streams;
    /** Touched by the timer's thread only: an unreachable database is logged once, not 20 times a second. */
    private boolean failing;
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
            if (failing) {
                failing = false;
                log.info("The web chat reads the conversation feed again");
            }
        } catch (RuntimeException e) {
            // The database may be briefly unreachable; the reader has not moved past what it did not hand on.
            if (!failing) {
                failing = true;
                log.warn("The web chat could not read the conversation feed: {}", e.getMessage());
            }
        }
    }

    private void push(ConversationEvent event) {
        long id = event.conversationId();
        if (!streams.watched(id)) {
            return;
        }
        switch (event.kind()) {
            case MESSAGE -> conversations.message(id, event.messageSeq())
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
