package app.tandem.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionSource;
import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.eval.ConversationEvaluation.Offer;
import app.tandem.eval.ConversationEvaluation.Row;
import app.tandem.eval.SimulatedConversations.Conversation;
import app.tandem.eval.SimulatedConversations.Position;
import app.tandem.eval.SimulatedConversations.Turn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Building the simulated conversations and scoring them per position, with and without context, over a fake engine. */
class SimulatedConversationsTest {

    /** Four intents, three questions each: "card 1", "card 2" … */
    private static List<LabelledText> questions() {
        List<LabelledText> q = new ArrayList<>();
        for (String intent : List.of("card", "fee", "pin", "top_up")) {
            for (int i = 1; i <= 3; i++) {
                q.add(new LabelledText(intent + " " + i, intent));
            }
        }
        return q;
    }

    @Test
    void conversationsFollowThePlanUseEachQuestionOnceAndRepeatWithTheSeed() {
        List<Conversation> built = SimulatedConversations.build(questions(), 0, 77);
        // Each conversation takes two questions of its intent and one of another: 12 questions allow at most 4
        // (the other intent is drawn at random, so it can leave one intent with a single question: 3).
        assertTrue(built.size() == 3 || built.size() == 4, "conversations: " + built.size());
        Set<String> used = new HashSet<>();
        for (Conversation c : built) {
            assertEquals(List.of(Position.values()), c.turns().stream().map(Turn::position).toList());
            assertTrue(c.turns().get(0).intent().isEmpty(), "the greeting has no intent");
            assertTrue(SimulatedConversations.GREETINGS.contains(c.turns().get(0).text()));
            assertTrue(SimulatedConversations.FOLLOW_UPS.contains(c.turns().get(2).text()));
            String a = c.turns().get(1).intent().orElseThrow();
            assertEquals(a, c.turns().get(2).intent().orElseThrow());
            assertEquals(a, c.turns().get(3).intent().orElseThrow());
            assertNotEquals(a, c.turns().get(4).intent().orElseThrow(), "the last turn changes the topic");
            for (int i : new int[] {1, 3, 4}) {
                Turn t = c.turns().get(i);
                assertTrue(t.text().startsWith(t.intent().get() + " "), "a question of its own intent: " + t);
                assertTrue(used.add(t.text()), "used twice: " + t.text());
            }
        }
        assertEquals(built, SimulatedConversations.build(questions(), 0, 77), "same questions and seed, same conversations");
        assertNotEquals(built, SimulatedConversations.build(questions(), 0, 78));
        assertEquals(2, SimulatedConversations.build(questions(), 2, 77).size(), "at most the limit");
    }

    private static Suggestion article(String id) {
        return new Suggestion(0, 1, "answer of " + id, 0.9, SuggestionSource.ARTICLE, id, OptionalInt.of(1), "test");
    }

    /**
     * A fake engine that answers with the article of the first question it is shown (a context that never
     * lets go), so with the whole conversation it stays on the first topic, and with the current turn alone
     * it answers the turn itself; a turn with no intent word (greeting, vague follow-up) gets nothing.
     */
    private static Offer firstTopic(List<Message> turns) {
        List<Message> customer = turns.stream().filter(m -> m.author() == Author.CUSTOMER).toList();
        for (Message m : customer) {
            String word = m.text().split(" ")[0];
            if (Set.of("card", "fee", "pin", "top_up").contains(word)) {
                return new Offer(List.of(article("other"), article("kb-" + word)), customer.size(), false);
            }
        }
        return new Offer(List.of(), customer.size(), false);
    }

    @Test
    void chineseQuestionsGetChineseGreetingsAndFollowUps() {
        List<Conversation> built = SimulatedConversations.build(questions(), 0, 77, "zh");
        assertFalse(built.isEmpty());
        for (Conversation c : built) {
            assertTrue(SimulatedConversations.GREETINGS_ZH.contains(c.turns().get(0).text()), c.turns().get(0).text());
            assertTrue(SimulatedConversations.FOLLOW_UPS_ZH.contains(c.turns().get(2).text()), c.turns().get(2).text());
        }
        assertEquals(SimulatedConversations.build(questions(), 0, 77).stream().map(c -> c.turns().get(1).text()).toList(),
                built.stream().map(c -> c.turns().get(1).text()).toList(), "the language changes only the small talk");
    }

    @Test
    void aMacroNamingTheTurnsIntentIsTheRightReply() {
        IntentAnswers answers = IntentAnswers.bySource(Map.of("macro:3", Set.of("card"), "kb-fee", Set.of("fee")));
        Suggestion macro = new Suggestion(0, 1, "Your card is on its way.", 0.9, SuggestionSource.MACRO, "macro:3",
                OptionalInt.empty(), "test");
        assertEquals(2, ConversationEvaluation.rightRank(List.of(article("kb-fee"), macro), "card", answers));
        assertEquals(0, ConversationEvaluation.rightRank(List.of(macro), "fee", answers));
    }

    @Test
    void eachPositionIsScoredWithTheConversationAndWithTheCurrentTurnAlone() {
        List<Conversation> built = SimulatedConversations.build(questions(), 0, 77);
        IntentAnswers intentsOf = IntentAnswers.bySource(Map.of("kb-card", Set.of("card"), "kb-fee", Set.of("fee"),
                "kb-pin", Set.of("pin"), "kb-top_up", Set.of("top_up"), "other", Set.of()));
        List<List<Message>> seen = new ArrayList<>();
        List<Row> rows = ConversationEvaluation.run(built, turns -> {
            seen.add(turns);
            return firstTopic(turns);
        }, intentsOf);

        assertEquals(built.size() * 5 * 2, seen.size(), "every customer turn asked twice");
        assertTrue(seen.stream().allMatch(t -> t.get(t.size() - 1).author() == Author.CUSTOMER), "asked before the agent answers");
        assertEquals(9, seen.get(8).size(), "the fifth turn with context: five customer turns, four agent replies between");
        assertEquals(1, seen.get(9).size(), "the fifth turn alone");

        assertEquals(10, rows.size(), "two modes × five positions");
        Row greeting = row(rows, "with context", "greeting");
        assertNull(greeting.at1(), "nothing to be right about");
        assertEquals(1.0, greeting.abstained());
        // With context the fake stays on the first question's article: right (at rank 2) until the topic changes.
        assertEquals(0.0, row(rows, "with context", "question").at1());
        assertEquals(1.0, row(rows, "with context", "question").at3());
        assertEquals(1.0, row(rows, "with context", "follow-up").at3());
        assertEquals(1.0, row(rows, "with context", "same-intent").at3());
        assertEquals(0.0, row(rows, "with context", "new-intent").at3());
        assertEquals(1.0, row(rows, "with context", "new-intent").contextKept());
        // Alone, the vague follow-up has nothing to go on, and the new question is answered for itself.
        assertEquals(0.0, row(rows, "current turn only", "follow-up").at3());
        assertEquals(1.0, row(rows, "current turn only", "follow-up").abstained());
        assertEquals(1.0, row(rows, "current turn only", "new-intent").at3());
        assertEquals(0.0, row(rows, "current turn only", "new-intent").contextKept());
    }

    @Test
    void theCurrentTurnIsTheCustomerTurnsSinceTheAgentLastSpoke() {
        List<Message> messages = List.of(msg(1, Author.CUSTOMER), msg(2, Author.AGENT), msg(3, Author.CUSTOMER), msg(4, Author.CUSTOMER));
        assertEquals(List.of(3, 4), ConversationEvaluation.currentTurn(messages).stream().map(Message::seq).toList());
        assertEquals(List.of(), ConversationEvaluation.currentTurn(messages.subList(0, 2)));
    }

    private static Message msg(int seq, Author author) {
        return new Message(seq, 1, seq, author, "t" + seq, app.tandem.conversation.MessageOrigin.CUSTOMER,
                java.util.OptionalLong.empty(), java.util.Optional.empty(), java.time.Instant.EPOCH);
    }

    private static Row row(List<Row> rows, String mode, String position) {
        return rows.stream().filter(r -> r.mode().equals(mode) && r.position().equals(position)).findFirst().orElseThrow();
    }
}
