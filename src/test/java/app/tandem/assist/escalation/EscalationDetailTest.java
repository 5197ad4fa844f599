package app.tandem.assist.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An escalation's detail is stored as data and read back; sentences from before that are kept as they are. */
class EscalationDetailTest {

    @Test
    void storedFormReadsBack() {
        EscalationDetail urgent = EscalationDetail.of(EscalationDetail.Kind.URGENT_INTENT, "lost_or_stolen_card", "MODEL", "v003", "87");
        assertEquals(urgent, EscalationDetail.parse(urgent.stored()));
        EscalationDetail asked = EscalationDetail.of(EscalationDetail.Kind.ASKED, "转人工");
        assertEquals(asked, EscalationDetail.parse(asked.stored()));
        EscalationDetail empty = EscalationDetail.of(EscalationDetail.Kind.URGENT_INTENT, "card_swallowed", "KEYWORDS", "", "70");
        assertEquals(empty, EscalationDetail.parse(empty.stored()), "empty arguments survive");
    }

    @Test
    void olderSentencesAreText() {
        EscalationDetail old = EscalationDetail.parse("asked: \"speak to a manager\"");
        assertEquals(EscalationDetail.Kind.TEXT, old.kind());
        assertEquals("asked: \"speak to a manager\"", old.english());
        assertEquals(EscalationDetail.Kind.TEXT, EscalationDetail.parse("ASKED").kind(), "a bare kind name is a sentence");
    }

    @Test
    void logsKeepEnglish() {
        assertEquals("lost or stolen card (model v003, 87%)",
                EscalationDetail.of(EscalationDetail.Kind.URGENT_INTENT, "lost_or_stolen_card", "MODEL", "v003", "87").english());
        assertEquals("two negative/angry turns in a row",
                EscalationDetail.of(EscalationDetail.Kind.NEGATIVE_TURNS, "NEGATIVE", "ANGRY").english());
    }
}
