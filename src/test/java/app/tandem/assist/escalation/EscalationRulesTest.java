package app.tandem.assist.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionNotice;
import app.tandem.assist.SuggestionSource;
import app.tandem.assist.Suggestions;
import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.nlp.entities.EntityExtractor;
import app.tandem.nlp.intent.InMemoryIntentExamples;
import app.tandem.nlp.intent.IntentExample;
import app.tandem.nlp.intent.IntentTrainingSet;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.nlp.sentiment.SentimentService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each escalation trigger, over the lexical-cue sentiment (no models) and the keyword intents. */
class EscalationRulesTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryEscalations store = new InMemoryEscalations();
    private final EscalationService escalations = new EscalationService(store, clock);
    private final IntentTrainingSet intentExamples = new IntentTrainingSet(new InMemoryIntentExamples(), clock);
    private final TurnUnderstanding understanding = new TurnUnderstanding(new SentimentService(Optional::empty, Runnable::run),
            new EntityExtractor(clock), new KeywordIntentSource(), escalations, store, intentExamples, clock);
    private int seq;

    private Message customer(long conversation, String text) {
        return new Message(++seq, conversation, seq, Author.CUSTOMER, text, MessageOrigin.CUSTOMER, OptionalLong.empty(),
                Optional.empty(), clock.instant());
    }

    private List<EscalationReason> reasons(long conversation) {
        return escalations.openFor(conversation).stream().map(Escalation::reason).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ASKED_FOR_HUMAN | Can I speak to a manager please",
        "ASKED_FOR_HUMAN | I want to talk to a real person",
        "ASKED_FOR_HUMAN | 转人工",
        "ASKED_FOR_HUMAN | 叫你们经理来",
        "COMPLAINT | I would like to make a complaint",
        "COMPLAINT | 我要投诉",
        "URGENT_INTENT | I lost my card on the bus",
        "URGENT_INTENT | There is a payment I didn't make, I think it's fraud",
        "URGENT_INTENT | my account has been hacked",
        "URGENT_INTENT | 我的卡被盗刷了",
        "URGENT_INTENT | 钱包丢了，卡也在里面",
    })
    void oneTurnTriggers(EscalationReason reason, String text) {
        understanding.annotate(customer(1, text));
        assertTrue(reasons(1).contains(reason), () -> "got " + reasons(1));
    }

    @Test
    void calmQuestionsRaiseNothing() {
        understanding.annotate(customer(2, "How do I order a new debit card?"));
        understanding.annotate(customer(2, "请问怎么激活新卡？"));
        assertTrue(reasons(2).isEmpty(), () -> "got " + reasons(2));
    }

    @Test
    void twoNegativeTurnsInARowEscalateOneDoesNot() {
        understanding.annotate(customer(3, "I'm disappointed, my card still hasn't arrived"));
        assertFalse(reasons(3).contains(EscalationReason.REPEATED_NEGATIVE));
        understanding.annotate(customer(3, "This is really frustrating, nobody called me back"));
        assertTrue(reasons(3).contains(EscalationReason.REPEATED_NEGATIVE), () -> "got " + reasons(3));
    }

    @Test
    void negativeThenCalmThenNegativeDoesNotEscalate() {
        understanding.annotate(customer(4, "I'm disappointed, my card still hasn't arrived"));
        understanding.annotate(customer(4, "OK, what is the delivery address you have?"));
        understanding.annotate(customer(4, "That's annoying, it's the old address"));
        assertFalse(reasons(4).contains(EscalationReason.REPEATED_NEGATIVE), () -> "got " + reasons(4));
    }

    @Test
    void twoTurnsWithoutAConfidentSuggestionEscalate() {
        understanding.suggestionsShown(suggestions(5, 1, 0.3));
        assertTrue(reasons(5).isEmpty());
        understanding.suggestionsShown(suggestions(5, 2, 0.9));
        understanding.suggestionsShown(suggestions(5, 3, 0.2));
        assertTrue(reasons(5).isEmpty(), "a confident turn in between breaks the streak");
        understanding.suggestionsShown(Suggestions.none(5, 4, SuggestionNotice.NO_MATCH));
        assertEquals(List.of(EscalationReason.NO_CONFIDENT_SUGGESTION), reasons(5));
    }

    @Test
    void aReasonIsOpenedOnceUntilAcknowledged() {
        understanding.annotate(customer(6, "Let me speak to a manager"));
        understanding.annotate(customer(6, "I said I want a manager"));
        assertEquals(1, store.list(false, 10).stream().filter(e -> e.conversationId() == 6).count());
        Escalation open = escalations.openFor(6).get(0);
        assertTrue(escalations.acknowledge(open.id(), "sam"));
        assertFalse(escalations.acknowledge(open.id(), "sam"), "twice is refused");
        assertTrue(escalations.openFor(6).isEmpty());
        understanding.annotate(customer(6, "Manager. Now."));
        assertEquals(List.of(EscalationReason.ASKED_FOR_HUMAN), reasons(6));
    }

    @Test
    void correctionsAreStoredRedactedAndReplaceTheAnnotation() {
        Message m = customer(7, "My name is Emma Clarke and card 4539 1488 0343 6467 was charged twice");
        TurnAnnotation before = understanding.annotate(m).orElseThrow();
        TurnAnnotation after = understanding.correctSentiment(m, Sentiment.ANGRY, "agent1");
        assertEquals(Sentiment.ANGRY, after.sentiment().sentiment());
        assertEquals(Sentiment.ANGRY, understanding.annotation(7, m.seq()).orElseThrow().sentiment().sentiment());
        Correction stored = store.list(Correction.Kind.SENTIMENT).get(0);
        assertEquals("angry", stored.label());
        assertEquals("agent1", stored.correctedBy());
        assertFalse(stored.text().contains("4539"), stored.text());
        assertFalse(stored.text().contains("Emma"), stored.text());
        assertEquals(1, understanding.sentimentCorrections().size());

        var card = before.entities().stream().filter(e -> e.type().name().equals("CARD_NUMBER")).findFirst().orElseThrow();
        TurnAnnotation removed = understanding.removeEntity(m, card, "agent1");
        assertFalse(removed.entities().contains(card));
        assertTrue(store.list(Correction.Kind.ENTITY_REMOVED).get(0).label().startsWith("not CARD_NUMBER"));

        understanding.correctIntent(m, "card_payment_wrong_amount", "agent1");
        assertEquals("card_payment_wrong_amount", understanding.annotation(7, m.seq()).orElseThrow().intent().orElseThrow().intent());
        // The correction is an intent training example at once; correcting the turn again replaces it.
        assertEquals(List.of("card_payment_wrong_amount"), intentExamples.examples().stream().map(IntentExample::intent).toList());
        understanding.correctIntent(m, "card_payment_fee_charged", "agent1");
        assertEquals(List.of("card_payment_fee_charged"), intentExamples.examples().stream().map(IntentExample::intent).toList());
        String example = intentExamples.examples().get(0).text();
        assertFalse(example.contains("4539") || example.contains("Emma"), example);
        // What the resolved-conversation learner asks: this turn is corrected, in this conversation only.
        assertEquals(java.util.Set.of(m.seq()), understanding.correctedIntentTurns(7));
        assertTrue(understanding.correctedIntentTurns(8).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> understanding.correctIntent(m, "Bad Name!", "a"));
    }

    @Test
    void slotsFillFromTurns() {
        understanding.annotate(customer(8, "card 4539 1488 0343 6467 charged £12.50 yesterday"));
        assertEquals("6467", understanding.slots(8).get("card.last4").orElseThrow());
        assertEquals("12.50 GBP", understanding.slots(8).get("amount").orElseThrow());
    }

    private static Suggestions suggestions(long conversation, int seq, double confidence) {
        return new Suggestions(conversation, seq, List.of(new Suggestion(1, 1, "reply", confidence, SuggestionSource.ARTICLE, "a",
                OptionalInt.of(1), "why")), List.of(), Optional.empty());
    }
}
