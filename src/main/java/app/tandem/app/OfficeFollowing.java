package app.tandem.app;

import app.tandem.conversation.ConversationFeed;
import app.tandem.office.OfficePresence;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a Tandem does on its follower thread besides catching its index up (issue 17): on a seat of an office it
 * tells its listeners what other seats did to conversations, and at every seat it says who is at the desk. Each
 * failure is logged once, when it starts, and once more when it ends: a server gone for an hour is one line, not
 * seven hundred.
 */
final class OfficeFollowing {

    private static final Logger log = LoggerFactory.getLogger(OfficeFollowing.class);
    /** Well inside the 2 s for a customer's turn written on one seat to show on another. */
    static final Duration CONVERSATIONS_EVERY = Duration.ofMillis(500);

    private final Optional<ConversationFeed> feed;
    private final OfficePresence presence;
    /** Touched by the follower's thread only. */
    private boolean feedFailing;
    private boolean beatFailing;

    /** {@code feed} empty: a solo Tandem, the only process writing its conversations. */
    OfficeFollowing(Optional<ConversationFeed> feed, OfficePresence presence) {
        this.feed = feed;
        this.presence = presence;
    }

    /** A name for this seat in the office's feeds: the PC's name to read in a log, and a part no other Tandem has. */
    static String seatName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "seat";
        }
        String unique = UUID.randomUUID().toString().substring(0, 6);
        // conversation_event.seat and presence.seat hold 64 characters.
        return (host.length() > 50 ? host.substring(0, 50) : host) + "-" + unique;
    }

    void start(ScheduledExecutorService follower) {
        if (feed.isPresent()) {
            follower.scheduleWithFixedDelay(this::followConversations, CONVERSATIONS_EVERY.toMillis(),
                    CONVERSATIONS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        long beat = OfficePresence.BEAT.toMillis();
        follower.scheduleWithFixedDelay(this::beat, beat, beat, TimeUnit.MILLISECONDS);
    }

    void followConversations() {
        try {
            int replayed = feed.orElseThrow().follow();
            if (replayed > 0) {
                log.debug("Followed the office: {} conversation changes from other seats", replayed);
            }
            if (feedFailing) {
                feedFailing = false;
                log.info("This seat follows the office's conversations again");
            }
        } catch (RuntimeException e) {
            // Caught, or the schedule would stop for good at the first unreachable server.
            if (!feedFailing) {
                feedFailing = true;
                log.warn("Cannot follow the office's conversations: {}", e.getMessage());
            }
        }
    }

    void beat() {
        try {
            presence.beat();
            if (beatFailing) {
                beatFailing = false;
                log.info("This seat tells the office who is at it again");
            }
        } catch (RuntimeException e) {
            if (!beatFailing) {
                beatFailing = true;
                log.warn("Cannot tell the office who is at this seat: {}", e.getMessage());
            }
        }
    }
}
