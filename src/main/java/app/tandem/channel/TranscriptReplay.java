package app.tandem.channel;

import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationListener;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.customer.CustomerRepository;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a transcript's customer as if live: each customer turn arrives after its delay, and, like a
 * real customer, the next question waits until the agent has answered the previous one.
 */
public final class TranscriptReplay {

    private static final Logger log = LoggerFactory.getLogger(TranscriptReplay.class);

    private final ConversationService conversations;
    private final CustomerRepository customers;
    private final ScheduledExecutorService scheduler;

    /**
     * A replay that looks up each transcript's {@code # customer} first, so a customer this office does not
     * have is refused with the file named instead of failing in the database once the conversation opens.
     */
    public TranscriptReplay(ConversationService conversations, CustomerRepository customers, ScheduledExecutorService scheduler) {
        this.conversations = conversations;
        this.customers = customers;
        this.scheduler = scheduler;
    }

    /**
     * Opens a conversation and starts playing. {@code speed} divides the delays (2.0 plays twice as
     * fast); {@code waitForAgent} false plays all customer turns without waiting for replies.
     */
    public Playback play(Transcript transcript, double speed, boolean waitForAgent) {
        if (speed <= 0) {
            throw new IllegalArgumentException("speed must be positive");
        }
        if (transcript.customerId().isPresent() && customers.find(transcript.customerId().get()).isEmpty()) {
            throw new TranscriptFormatException(TranscriptFormatException.Problem.UNKNOWN_CUSTOMER, transcript.name());
        }
        Conversation conversation = conversations.open(transcript.customerId(), Channel.REPLAY, transcript.title());
        Playback playback = new Playback(conversation, transcript.customerTurns(), speed, waitForAgent);
        conversations.addListener(playback);
        playback.scheduleNext();
        return playback;
    }

    /** A transcript being played; cancel it to stop the customer mid-conversation. */
    public final class Playback implements ConversationListener {

        private final Conversation conversation;
        private final List<Transcript.Turn> turns;
        private final double speed;
        private final boolean waitForAgent;
        private int next;
        private boolean awaitingAgent;
        private boolean cancelled;
        private ScheduledFuture<?> pending;

        private Playback(Conversation conversation, List<Transcript.Turn> turns, double speed, boolean waitForAgent) {
            this.conversation = conversation;
            this.turns = turns;
            this.speed = speed;
            this.waitForAgent = waitForAgent;
        }

        public Conversation conversation() {
            return conversation;
        }

        public synchronized boolean finished() {
            return cancelled || next >= turns.size();
        }

        public synchronized void cancel() {
            cancelled = true;
            if (pending != null) {
                pending.cancel(false);
            }
            conversations.removeListener(this);
        }

        @Override
        public synchronized void messageAdded(Message message) {
            if (message.conversationId() == conversation.id() && message.author() == Author.AGENT && awaitingAgent) {
                awaitingAgent = false;
                scheduleNext();
            }
        }

        private synchronized void scheduleNext() {
            if (finished()) {
                conversations.removeListener(this);
                return;
            }
            Transcript.Turn turn = turns.get(next);
            long delayMillis = Math.round(turn.delay().toMillis() / speed);
            pending = scheduler.schedule(() -> send(turn), delayMillis, TimeUnit.MILLISECONDS);
        }

        private synchronized void send(Transcript.Turn turn) {
            if (cancelled) {
                return;
            }
            try {
                conversations.receiveFromCustomer(conversation.id(), turn.text());
            } catch (RuntimeException e) {
                log.warn("Replay of \"{}\" stopped: {}", conversation.title(), e.getMessage());
                cancel();
                return;
            }
            next++;
            if (waitForAgent) {
                awaitingAgent = true;
                if (finished()) {
                    conversations.removeListener(this);
                }
            } else {
                scheduleNext();
            }
        }
    }
}
