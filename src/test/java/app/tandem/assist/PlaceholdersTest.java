package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.customer.Customer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void fillsKnownValuesAndMarksMissingOnesWithoutBraces() {
        Placeholders.Filled f = Placeholders.fill("Hi {customer.firstName}, card ending {card.last4}.",
                Map.of("customer.firstName", "Emma"));
        assertEquals("Hi Emma, card ending ⟨card last 4⟩.", f.text());
        assertEquals(List.of("card.last4"), f.missing());
        assertFalse(f.text().contains("{"));
        assertEquals(List.of("⟨card last 4⟩"), Placeholders.unfilled(f.text()));
        assertEquals(List.of("{agent.name}"), Placeholders.unfilled("I am {agent.name}"));
        assertTrue(Placeholders.unfilled("Prices in {braces} are fine, 4 > 3").isEmpty());
    }

    @Test
    void valuesWithDollarSignsAreNotTreatedAsRegexGroups() {
        assertEquals("Hi $1 \\x", Placeholders.fill("Hi {customer.name}", Map.of("customer.name", "$1 \\x")).text());
    }

    @Test
    void slotsComeFromTheConversationFirstThenTheProfileWhenOnlyOneCard() {
        Customer one = customer(List.of(new Customer.Card("Visa debit", "4821", "active")));
        Customer two = customer(List.of(new Customer.Card("Visa debit", "4821", "active"),
                new Customer.Card("Mastercard", "5108", "active")));
        assertEquals("4821", SlotValues.of(Optional.of(one), Map.of(), "Ann").get("card.last4"));
        assertEquals(null, SlotValues.of(Optional.of(two), Map.of(), "Ann").get("card.last4"));
        Map<String, String> said = SlotValues.of(Optional.of(two), Map.of("card.last4", "5108"), "Ann");
        assertEquals("5108", said.get("card.last4"));
        assertEquals("Mastercard", said.get("card.type"));
        assertEquals("Emma", said.get("customer.firstName"));
        assertEquals("Ann", said.get("agent.name"));
    }

    @Test
    void simpleSlotsFindALastFourInCustomerTurnsOnly() {
        SimpleSlots slots = new SimpleSlots();
        assertEquals(Map.of("card.last4", "4821"), slots.slots(List.of(turn(1, Author.CUSTOMER, "It's the card ending 4821, thanks"))));
        assertEquals(Map.of("card.last4", "1586"), slots.slots(List.of(turn(1, Author.CUSTOMER, "我的卡尾号1586被冻结了"))));
        assertEquals(Map.of(), slots.slots(List.of(turn(1, Author.AGENT, "Is it the card ending 4821?"))));
        assertEquals(Map.of(), slots.slots(List.of(turn(1, Author.CUSTOMER, "I paid 48210 ending soon"))));
        String pasted = "ending 1234 ".repeat(2000) + "😀".repeat(500);
        assertEquals("1234", slots.slots(List.of(turn(1, Author.CUSTOMER, pasted))).get("card.last4"));
    }

    @Test
    void keywordsSplitLatinWordsAndHanPairs() {
        assertTrue(Keywords.of("My card was STOLEN").containsAll(List.of("card", "stolen")));
        assertTrue(Keywords.of("我的卡丢了").contains("卡丢"));
        assertTrue(Keywords.of("😀😀😀").isEmpty());
    }

    @Test
    void plattFitSeparatesRightFromWrong() {
        double[] x = {0.1, 0.2, 0.3, 0.4, 0.6, 0.7, 0.8, 0.9, 0.35, 0.65};
        boolean[] y = {false, false, false, false, true, true, true, true, true, false};
        Calibration.Curve c = Calibration.fit(x, y);
        assertTrue(c.apply(0.9) > 0.7 && c.apply(0.1) < 0.3, c.toString());
    }

    static Customer customer(List<Customer.Card> cards) {
        return new Customer("C1", "Emma Clarke", "retail", "en", Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(), cards, "");
    }

    static Message turn(int seq, Author author, String text) {
        return new Message(seq, 1, seq, author, text, author == Author.CUSTOMER ? MessageOrigin.CUSTOMER : MessageOrigin.TYPED,
                OptionalLong.empty(), author == Author.AGENT ? Optional.of("ann") : Optional.empty(), Instant.EPOCH);
    }
}
