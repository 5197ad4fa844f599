package app.tandem.app;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionLog;
import app.tandem.assist.SuggestionSource;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.ConversationEvent;
import app.tandem.conversation.ConversationRepository;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcSuggestionLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import javax.sql.DataSource;

/**
 * One agent's desk without its models: on a fixed schedule it stores the customer's turn, logs the three
 * suggestions the desk showed, stores the agent's reply, now and then closes the conversation and claims the next
 * waiting one; through the same repositories, in the same transactions, as the desk. Its {@link FeedFollower}
 * reads the office feed on the same connection pool, as a seat does.
 */
final class SimulatedSeat extends Thread {

    /** Customer turns in a conversation, on average, before the agent closes it. */
    static final int TURNS_PER_CONVERSATION = 6;
    private static final int CLAIM_TRIES = 3;

    private final String seat;
    private final String agent;
    private final ConversationRepository conversations;
    private final SuggestionLog suggestionLog;
    private final WaitingConversations waiting;
    private final FeedLedger ledger;
    private final Random random;
    private final long start;
    private final long period;
    private final PacedWrites paced;
    private long conversation;
    private int customerSeq;
    private OptionalLong shownSuggestion = OptionalLong.empty();
    private int claimsLost;
    private int openedOwn;

    SimulatedSeat(int number, DataSource office, WaitingConversations waiting, FeedLedger ledger, long seed,
                  double turnsPerSecond, long start, long deadline) {
        super(String.format("seat-%03d", number));
        setDaemon(true);
        this.seat = getName();
        this.agent = String.format("agent-%03d", number);
        this.conversations = new JdbcConversationRepository(office, seat);
        this.suggestionLog = new JdbcSuggestionLog(office, Clock.systemUTC());
        this.waiting = waiting;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.start = start;
        this.period = (long) (1e9 / turnsPerSecond);
        this.paced = new PacedWrites(deadline);
    }

    FeedFollower follower(long seed, long deadline) {
        return new FeedFollower(conversations, seat, ledger, seed, deadline);
    }

    @Override
    public void run() {
        // Seats start spread over the first period, so that the office's load is even rather than on the beat.
        long first = start + period / 5 + (long) (random.nextDouble() * period);
        for (int i = 0; ; i++) {
            long turn = first + i * period + (long) ((random.nextDouble() - 0.5) * period / 5);
            if (!paced.inRun(turn)) {
                return;
            }
            if (conversation == 0) {
                // A fifth of a period before the customer's turn (after the last close, at 3/4): in an office the
                // customer's turn comes from the channel, not from behind the agent's claim on one thread, so a
                // claim that lost races and tried again must not make the turn after it late as well.
                paced.write(OfficeOperation.CLAIM, turn - period / 5, this::takeNext);
            }
            // Past the end the turn's writes are still counted as due (and unstarted), so a seat running late
            // shows as writes not done rather than as fewer writes asked for.
            if (conversation == 0 && !paced.ended()) {
                continue;
            }
            boolean stored = paced.write(OfficeOperation.CUSTOMER_TURN, turn, this::customerTurn) || paced.ended();
            if (stored && paced.inRun(turn + period / 20)) {
                paced.write(OfficeOperation.SUGGESTIONS, turn + period / 20, this::logSuggestions);
            }
            if (stored && paced.inRun(turn + period / 2)) {
                paced.write(OfficeOperation.AGENT_REPLY, turn + period / 2, this::reply);
            }
            if (random.nextInt(TURNS_PER_CONVERSATION) == 0 && paced.inRun(turn + 3 * period / 4)) {
                paced.write(OfficeOperation.CLOSE, turn + 3 * period / 4, this::close);
            }
        }
    }

    /** Claims one of the oldest waiting conversations; a lost race tries another; an empty queue: the agent opens one. */
    private void takeNext() {
        for (int i = 0; i < CLAIM_TRIES; i++) {
            Optional<Long> next = waiting.pick(random);
            if (next.isEmpty()) {
                break;
            }
            Optional<ConversationEvent> claimed = conversations.claim(next.get(), agent, Instant.now());
            if (claimed.isPresent()) {
                acknowledged(next.get(), ConversationEvent.Kind.CLAIMED, 0);
                waiting.taken(next.get());
                hold(next.get());
                return;
            }
            claimsLost++;
            waiting.taken(next.get()); // a colleague has it now, whatever this seat's queue still showed
        }
        openedOwn++;
        long id = conversations.create(Optional.empty(), Channel.CHAT, agent + "'s caller", Instant.now(), Optional.of(agent)).id();
        acknowledged(id, ConversationEvent.Kind.OPENED, 0);
        hold(id);
    }

    private void hold(long id) {
        conversation = id;
        customerSeq = 0;
        shownSuggestion = OptionalLong.empty();
    }

    private void customerTurn() {
        Message m = conversations.append(conversation, Author.CUSTOMER, "My card was charged twice for the same payment",
                MessageOrigin.CUSTOMER, OptionalLong.empty(), Optional.empty(), Instant.now());
        acknowledged(conversation, ConversationEvent.Kind.MESSAGE, m.seq());
        customerSeq = m.seq();
    }

    private void logSuggestions() {
        List<Suggestion> shown = List.of(
                suggestion(1, "I can see both charges; the second one will be refunded within 3 working days.", 0.82),
                suggestion(2, "Could you tell me the date and amount of the payment?", 0.64),
                suggestion(3, "A pending charge disappears by itself once the shop confirms the payment.", 0.41));
        shownSuggestion = OptionalLong.of(suggestionLog.recordShown(conversation, customerSeq, shown, agent).get(0).id());
    }

    private static Suggestion suggestion(int rank, String text, double confidence) {
        return new Suggestion(0, rank, text, confidence, SuggestionSource.ARTICLE, "duplicate-charge", OptionalInt.of(1),
                "the article answers a duplicate charge");
    }

    private void reply() {
        MessageOrigin origin = shownSuggestion.isPresent() ? MessageOrigin.SUGGESTION_ACCEPTED : MessageOrigin.TYPED;
        Message m = conversations.append(conversation, Author.AGENT,
                "I can see both charges; the second one will be refunded within 3 working days.", origin, shownSuggestion,
                Optional.of(agent), Instant.now());
        acknowledged(conversation, ConversationEvent.Kind.MESSAGE, m.seq());
    }

    private void close() {
        long closing = conversation;
        conversation = 0;
        conversations.close(closing, Instant.now(), "Duplicate charge refunded", Optional.of(agent));
        acknowledged(closing, ConversationEvent.Kind.CLOSED, 0);
    }

    private void acknowledged(long conversationId, ConversationEvent.Kind kind, int messageSeq) {
        ledger.acknowledged(seat, conversationId, kind, messageSeq, System.nanoTime());
    }

    PacedWrites paced() {
        return paced;
    }

    int claimsLost() {
        return claimsLost;
    }

    /** Times the queue was empty (or every try lost) and the agent opened a conversation instead. */
    int openedOwn() {
        return openedOwn;
    }
}
