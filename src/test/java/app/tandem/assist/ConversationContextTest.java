package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The query a turn becomes when there are no sentence vectors (keyword search only). */
class ConversationContextTest {

    private static Message said(int seq, Author who, String text) {
        return new Message(seq, 1, seq, who, text, who == Author.CUSTOMER ? MessageOrigin.CUSTOMER : MessageOrigin.TYPED,
                OptionalLong.empty(), Optional.empty(), Instant.EPOCH);
    }

    private static List<Message> conversation(String question, String now) {
        return List.of(said(1, Author.CUSTOMER, question), said(2, Author.AGENT, "…"), said(3, Author.CUSTOMER, now));
    }

    @Test
    void aNewQuestionIsSearchedByItsOwnWords() {
        List<Message> turns = conversation("My new card has not arrived", "How do I top up with cash?");
        ConversationContext asked = ConversationContext.of(turns, "en", Optional.empty(), new Vectors(16));
        assertEquals("How do I top up with cash?", asked.keywords());
        assertEquals(1, asked.turnsUsed());
        // The keyword curve fitted on Chinese questions of our own came out as the English one: (2.91, -7.00).
        List<Message> chinese = conversation("我的银行卡被偷了", "怎么用现金充值？");
        assertEquals("怎么用现金充值？", ConversationContext.of(chinese, "zh", Optional.empty(), new Vectors(16)).keywords());
    }

    @Test
    void aFollowUpIsAnsweredWithTheOpenQuestionsQuery() {
        List<Message> turns = conversation("My new card has not arrived", "Can you explain that a bit more?");
        ConversationContext question = ConversationContext.currentTurnOnly(turns.subList(0, 1), "en",
                Optional.of(new FixedCosineEncoder("all-minilm-l6-v2", "My new card has not arrived", 0.9)), new Vectors(16));
        ConversationContext followUp = ConversationContext.followUpOf(question);
        assertEquals(2, followUp.turnsUsed());
        assertTrue(followUp.vector().isPresent());
        assertSame(question.vector().get(), followUp.vector().get(), "the question's vector, not diluted by the vague turn");
        assertEquals("My new card has not arrived", followUp.keywords(), "what was searched");
    }

    @Test
    void theChangeOfSubjectBarIsTheEncoders() {
        List<Message> turns = conversation("My new card has not arrived", "How do I top up with cash?");
        // Cosine 0.40 is a related turn for all-MiniLM-L6-v2 (bar 0.16) and an unrelated one for bge-small-zh (bar 0.48).
        ConversationContext english = ConversationContext.of(turns, "en",
                Optional.of(new FixedCosineEncoder("all-minilm-l6-v2", "How do I top up with cash?", 0.40)), new Vectors(16));
        assertEquals(2, english.turnsUsed());
        assertFalse(english.topicChanged());
        ConversationContext chineseEncoder = ConversationContext.of(turns, "en",
                Optional.of(new FixedCosineEncoder("bge-small-zh-v1.5", "How do I top up with cash?", 0.40)), new Vectors(16));
        assertEquals(1, chineseEncoder.turnsUsed());
        assertTrue(chineseEncoder.topicChanged());
    }
}
