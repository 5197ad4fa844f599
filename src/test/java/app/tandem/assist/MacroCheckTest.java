package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MacroCheckTest {

    private static final Set<String> KNOWN = Set.of("lost_or_stolen_card", "card_arrival", "Refund_not_showing_up");

    private static Macro macro(String body) {
        return new Macro(0, "en", "Travel", body, List.of("travel"), List.of(), Macro.Moment.ANY_TIME, true);
    }

    @Test
    void knownVariablesPass() {
        assertTrue(MacroCheck.of(macro("Hi {customer.firstName}, your card ending {card.last4} works abroad. {agent.name}"), KNOWN).isEmpty());
    }

    @Test
    void unknownVariableIsNamed() {
        List<MacroCheck.Problem> p = MacroCheck.of(macro("Hi {customer.nickname}, prices in {braces} too"), KNOWN);
        assertEquals(List.of(new MacroCheck.Problem(MacroCheck.Kind.UNKNOWN_VARIABLE, "{customer.nickname}"),
                new MacroCheck.Problem(MacroCheck.Kind.UNKNOWN_VARIABLE, "{braces}")), p);
    }

    @Test
    void unbalancedBracesGiveThePosition() {
        assertEquals(List.of(new MacroCheck.Problem(MacroCheck.Kind.UNBALANCED_BRACES, "4")),
                MacroCheck.body("Hi {customer.firstName"));
        assertEquals(List.of(new MacroCheck.Problem(MacroCheck.Kind.UNBALANCED_BRACES, "22")),
                MacroCheck.body("Hi customer.firstName}"));
        assertEquals(MacroCheck.Kind.UNBALANCED_BRACES, MacroCheck.body("{a{customer.name}").get(0).kind());
    }

    @Test
    void titleBodyAndLanguageAreRequired() {
        List<MacroCheck.Kind> kinds = MacroCheck.of(new Macro(0, "fr", " ", "", List.of(), List.of(), Macro.Moment.ANY_TIME, true), KNOWN).stream()
                .map(MacroCheck.Problem::kind).toList();
        assertEquals(List.of(MacroCheck.Kind.EMPTY_TITLE, MacroCheck.Kind.UNKNOWN_LANGUAGE, MacroCheck.Kind.EMPTY_BODY), kinds);
    }

    @Test
    void unknownIntentIsNamedOnceAndKnownOnesPassAsWritten() {
        Macro m = new Macro(0, "en", "Lost card", "Your card is frozen.", List.of("I lost my card"),
                List.of("lost_or_stolen_card", "lost_card", "Refund_not_showing_up", "lost_card", "card_Arrival"), Macro.Moment.ANY_TIME, true);
        assertEquals(List.of(new MacroCheck.Problem(MacroCheck.Kind.UNKNOWN_INTENT, "lost_card"),
                new MacroCheck.Problem(MacroCheck.Kind.UNKNOWN_INTENT, "card_Arrival")), MacroCheck.of(m, KNOWN));
        assertTrue(MacroCheck.intents(List.of("card_arrival"), KNOWN).isEmpty());
    }

    @Test
    void rejectReasonIsStoredAsACodeWithTheAgentsWords() {
        assertEquals(java.util.Optional.of("wrong-facts: fee changed in May"),
                RejectReason.describe(java.util.Optional.of(RejectReason.WRONG_FACTS), java.util.Optional.of(" fee changed in May ")));
        assertEquals(java.util.Optional.of("tone"), RejectReason.describe(java.util.Optional.of(RejectReason.TONE), java.util.Optional.of("")));
        assertEquals(java.util.Optional.of("just no"), RejectReason.describe(java.util.Optional.empty(), java.util.Optional.of("just no")));
        assertTrue(RejectReason.describe(java.util.Optional.empty(), java.util.Optional.empty()).isEmpty());
    }
}
