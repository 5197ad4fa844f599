package app.tandem.eval;

import app.tandem.assist.Suggestion;
import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.eval.SimulatedConversations.Conversation;
import app.tandem.eval.SimulatedConversations.Position;
import app.tandem.eval.SimulatedConversations.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Plays {@link SimulatedConversations} into the suggestion engine turn by turn and scores each customer
 * turn on the right reply: a shown reply is right when it comes from an article or a macro that names
 * the turn's intent ({@link IntentAnswers}). Every turn is asked twice: with the conversation so far ({@link Mode#CONTEXT}, what
 * the desk does) and with the current turn alone ({@link Mode#CURRENT_TURN}), so the difference is what
 * the conversation context is worth, per position. The agent answers each turn with the same neutral
 * line: the context is built from customer turns only, so what the agent says does not change it.
 */
public final class ConversationEvaluation {

    static final String AGENT_REPLY = "Let me check that for you.";

    public enum Mode {
        CONTEXT("with context"), CURRENT_TURN("current turn only");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What the engine offered for the conversation as it stands: the replies shown (at most three), how
     * many customer turns went into the query, and whether it dropped earlier turns as a change of topic.
     */
    public record Offer(List<Suggestion> replies, int turnsUsed, boolean topicChanged) {}

    /** The suggestion engine as this evaluation sees it. */
    @FunctionalInterface
    public interface Engine {
        Offer offer(List<Message> turns);
    }

    /**
     * One mode at one position. Shares are 0..1; {@code at1}/{@code at3} are null for the greeting (no
     * intent to be right about). {@code contextKept}: share of turns whose query used earlier turns;
     * {@code topicChanged}: share where the engine dropped them as a change of topic.
     */
    public record Row(String mode, String position, int turns, Double at1, Double at3, double abstained,
                      double contextKept, double topicChanged) {}

    private ConversationEvaluation() {}

    /** Rows by mode, then position; {@code answers}: which intents each article and macro answers. */
    public static List<Row> run(List<Conversation> conversations, Engine engine, IntentAnswers answers) {
        Map<Mode, Map<Position, Tally>> tallies = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            Map<Position, Tally> byPosition = new EnumMap<>(Position.class);
            for (Position p : Position.values()) {
                byPosition.put(p, new Tally());
            }
            tallies.put(mode, byPosition);
        }
        for (Conversation c : conversations) {
            List<Message> messages = new ArrayList<>();
            for (Turn turn : c.turns()) {
                messages.add(message(c.id(), messages.size() + 1, Author.CUSTOMER, turn.text()));
                for (Mode mode : Mode.values()) {
                    List<Message> asked = mode == Mode.CONTEXT ? List.copyOf(messages) : currentTurn(messages);
                    Offer offer = engine.offer(asked);
                    tallies.get(mode).get(turn.position()).add(turn, offer, answers);
                }
                messages.add(message(c.id(), messages.size() + 1, Author.AGENT, AGENT_REPLY));
            }
        }
        List<Row> rows = new ArrayList<>();
        tallies.forEach((mode, byPosition) -> byPosition.forEach((position, t) -> rows.add(t.row(mode, position))));
        return rows;
    }

    /** The customer's turns since the agent last spoke: all the engine sees without context. */
    static List<Message> currentTurn(List<Message> messages) {
        int from = messages.size();
        while (from > 0 && messages.get(from - 1).author() == Author.CUSTOMER) {
            from--;
        }
        return List.copyOf(messages.subList(from, messages.size()));
    }

    private static Message message(long conversationId, int seq, Author author, String text) {
        return new Message(seq, conversationId, seq, author, text, author == Author.CUSTOMER ? MessageOrigin.CUSTOMER
                : MessageOrigin.TYPED, OptionalLong.empty(), author == Author.AGENT ? Optional.of("eval") : Optional.empty(),
                Instant.EPOCH);
    }

    /** Rank (1-based) of the first reply from an article or macro naming {@code intent}; 0 when none of the shown is. */
    static int rightRank(List<Suggestion> replies, String intent, IntentAnswers answers) {
        for (int i = 0; i < replies.size(); i++) {
            Suggestion s = replies.get(i);
            if (answers.answers(s.source(), s.sourceRef(), intent)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static final class Tally {
        int turns;
        int scored;
        int at1;
        int at3;
        int abstained;
        int contextKept;
        int topicChanged;

        void add(Turn turn, Offer offer, IntentAnswers answers) {
            turns++;
            abstained += offer.replies().isEmpty() ? 1 : 0;
            contextKept += offer.turnsUsed() > 1 ? 1 : 0;
            topicChanged += offer.topicChanged() ? 1 : 0;
            if (turn.intent().isPresent()) {
                scored++;
                int rank = rightRank(offer.replies(), turn.intent().get(), answers);
                at1 += rank == 1 ? 1 : 0;
                at3 += rank >= 1 && rank <= 3 ? 1 : 0;
            }
        }

        Row row(Mode mode, Position position) {
            return new Row(mode.label(), position.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), turns,
                    scored == 0 ? null : (double) at1 / scored, scored == 0 ? null : (double) at3 / scored, share(abstained),
                    share(contextKept), share(topicChanged));
        }

        private double share(int n) {
            return turns == 0 ? 0 : (double) n / turns;
        }
    }
}
