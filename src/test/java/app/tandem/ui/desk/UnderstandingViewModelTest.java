package app.tandem.ui.desk;

import static app.tandem.ui.desk.DeskFakes.AGENT;
import static app.tandem.ui.desk.DeskFakes.ENGLISH;
import static app.tandem.ui.desk.DeskFakes.NOWHERE;
import static app.tandem.ui.desk.DeskFakes.conversation;
import static app.tandem.ui.desk.DeskFakes.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.entities.EntityType;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.security.User;
import app.tandem.ui.common.Texts;
import app.tandem.ui.escalations.EscalationsViewModel;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The desk's chips and corrections over the fakes of {@link DeskFakes}: what the desk shows and says given what
 * the understanding service answers or refuses. What the real service finds and stores is
 * {@link DeskUnderstandingViewModelTest}'s.
 */
class UnderstandingViewModelTest {

    private static DeskFakes.Desk deskFor(User user, Texts texts) {
        DeskFakes.Desk desk = new DeskFakes.Desk(user, texts);
        desk.vm.start();
        return desk;
    }

    private static Conversation openAndSelect(DeskFakes.Desk desk, long id) {
        Conversation c = desk.conversations.add(conversation(id, Channel.PHONE));
        desk.vm.queue().refresh();
        desk.vm.select(id);
        assertTrue(desk.vm.conversation().isSelected(id));
        return c;
    }

    /** The panel's notice as the agent reads it in {@code language}. */
    private static String notice(DeskFakes.Desk desk, Locale language) {
        return new NoticeTexts(Texts.of(language)).words(desk.vm.suggestions().noticeProperty().get());
    }

    @Test
    void aRefusedCorrectionIsSaidInChineseWithoutAGenericPrefix() {
        DeskFakes.Desk desk = deskFor(AGENT, Texts.of(Locale.SIMPLIFIED_CHINESE));
        Conversation c = openAndSelect(desk, 1);
        Message m = customer(c.id(), 1, "我想退款");
        desk.conversations.arrive(m);
        desk.vm.understanding().correctIntent(m, "不是意图");
        assertEquals("意图名称须为 2 到 64 个小写字母、数字或下划线，例如 lost_or_stolen_card", notice(desk, Locale.SIMPLIFIED_CHINESE));
        desk.vm.dispose();
    }

    @Test
    void agentsMayNotOpenTheEscalationList() {
        // Refused before the escalation service is touched: none is needed.
        assertThrows(IllegalArgumentException.class, () -> new EscalationsViewModel(null, AGENT, new DeskFakes.Tasks(), NOWHERE,
                ENGLISH));
    }

    /** The UI half of DeskUnderstandingViewModelTest's corrections: the chips follow, a refusal is said. */
    @Test
    void correctionsReplaceTheChipsAndARefusalIsSaid() {
        DeskFakes.Desk desk = deskFor(AGENT, ENGLISH);
        Conversation c = openAndSelect(desk, 2);
        String said = "I just want my money back, order #A12345";
        Entity order = new Entity(EntityType.ORDER_REF, "#A12345", 33, 40, "A12345");
        desk.understanding.entitiesOn.put(said, List.of(order));
        Message m = customer(c.id(), 1, said);
        desk.conversations.arrive(m);
        UnderstandingViewModel chips = desk.vm.understanding();
        assertTrue(chips.annotations().get(m.seq()).entities().contains(order));

        chips.correctSentiment(m, Sentiment.ANGRY);
        assertEquals(Sentiment.ANGRY, chips.annotations().get(m.seq()).sentiment().sentiment());
        chips.removeEntity(m, order);
        assertFalse(chips.annotations().get(m.seq()).entities().contains(order));
        chips.correctIntent(m, "request_refund");
        assertEquals("request_refund", chips.annotations().get(m.seq()).intent().orElseThrow().intent());
        assertEquals(List.of("ann", "ann", "ann"), desk.understanding.correctedBy, "corrected in the agent's name");

        chips.correctIntent(m, "Not an intent!");
        assertTrue(notice(desk, Locale.ENGLISH).contains("lower-case"), notice(desk, Locale.ENGLISH));
        assertEquals(Notice.Kind.BACKGROUND_FAILED, desk.vm.suggestions().noticeProperty().get().kind());
        desk.vm.dispose();
    }

    @Test
    void theAgentSeesACardNumberAsItsLastFour() {
        DeskFakes.Desk desk = deskFor(AGENT, ENGLISH);
        Conversation c = openAndSelect(desk, 3);
        String said = "card 4539 1488 0343 6467 was charged twice";
        desk.understanding.entitiesOn.put(said, List.of(new Entity(EntityType.CARD_NUMBER, "4539 1488 0343 6467", 5, 24,
                "4539148803436467")));
        Message m = customer(c.id(), 1, said);
        desk.conversations.arrive(m);

        String shown = desk.vm.understanding().displayText(m);
        assertFalse(shown.contains("4539"), shown);
        assertTrue(shown.contains("6467"), shown);
        desk.vm.dispose();
    }
}
