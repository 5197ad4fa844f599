package app.tandem.ui.desk;

import static app.tandem.ui.desk.DeskFakes.AGENT;
import static app.tandem.ui.desk.DeskFakes.agent;
import static app.tandem.ui.desk.DeskFakes.conversation;
import static app.tandem.ui.desk.DeskFakes.customer;
import static app.tandem.ui.desk.DeskFakes.escalation;
import static app.tandem.ui.desk.DeskFakes.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionNotice;
import app.tandem.assist.SuggestionSource;
import app.tandem.assist.Suggestions;
import app.tandem.assist.escalation.EscalationStatus;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The desk's parts and their coordinator over hand-written fakes: no database, index or models. */
class DeskPartsTest {

    DeskFakes.Desk desk;
    DeskViewModel vm;

    @BeforeEach
    void openTheDesk() {
        desk = new DeskFakes.Desk(AGENT);
        vm = desk.vm;
    }

    private Conversation openOnScreen(long id) {
        Conversation c = desk.conversations.add(conversation(id, Channel.CHAT));
        vm.start();
        vm.select(id);
        assertTrue(vm.conversation().isSelected(id));
        return c;
    }

    @Test
    void oneArrivingCustomerTurnIsUnderstoodOnceAndItsEscalationsAreReadOnce() {
        openOnScreen(1);
        desk.understanding.raiseOn.put("let me speak to a manager", escalation(10, 1, EscalationStatus.OPEN));
        int readsBefore = desk.understanding.openReads;

        desk.conversations.arrive(customer(1, 1, "let me speak to a manager"));

        assertEquals(1, desk.understanding.timesUnderstood(1, 1), "the turn is understood once");
        assertEquals(1, desk.understanding.openReads - readsBefore, "its escalations are read once");
        assertNotNull(vm.understanding().annotations().get(1), "the chips have the one answer");
        assertEquals(List.of(10L), vm.understanding().escalations().stream().map(e -> e.id()).toList(), "so has the banner");
        assertEquals(1, desk.assistant.asked, "one request for suggestions");
        assertEquals(1, desk.assistant.shown.size(), "what was offered is told to the escalation rules once");
    }

    @Test
    void aConversationOpenedFromTheQueueIsUnderstoodOnceWithTheEscalationsAlreadyOpen() {
        desk.conversations.add(conversation(2, Channel.PHONE), customer(2, 1, "hello"), agent(2, 2, "hi"),
                customer(2, 3, "my card is gone"));
        desk.understanding.raise(escalation(20, 2, EscalationStatus.OPEN));
        int readsBefore = desk.understanding.openReads;

        vm.start(); // nothing selected: the queue's first conversation is opened

        assertTrue(vm.conversation().isSelected(2));
        assertEquals(1, desk.understanding.timesUnderstood(2, 1));
        assertEquals(1, desk.understanding.timesUnderstood(2, 3));
        assertEquals(0, desk.understanding.timesUnderstood(2, 2), "an agent's turn has no chips");
        assertEquals(1, desk.understanding.openReads - readsBefore);
        assertEquals(1, vm.understanding().escalations().size());
        assertTrue(vm.understanding().escalationBanner().contains("a manager"), vm.understanding().escalationBanner());
    }

    @Test
    void theBannerFollowsEscalationsRaisedAndAcknowledgedWithoutReadingThemAgain() {
        openOnScreen(3);
        int readsBefore = desk.understanding.openReads;
        desk.understanding.raise(escalation(30, 3, EscalationStatus.OPEN));
        desk.understanding.raise(escalation(31, 99, EscalationStatus.OPEN));
        assertEquals(List.of(30L), vm.understanding().escalations().stream().map(e -> e.id()).toList(), "only this conversation's");
        desk.understanding.raise(escalation(30, 3, EscalationStatus.ACKNOWLEDGED));
        assertTrue(vm.understanding().escalations().isEmpty());
        assertEquals(readsBefore, desk.understanding.openReads);

        vm.dispose();
        desk.understanding.raise(escalation(32, 3, EscalationStatus.OPEN));
        assertTrue(vm.understanding().escalations().isEmpty(), "a closed desk no longer listens");
    }

    @Test
    void suggestionsForAnOlderTurnOrAnotherConversationAreDropped() {
        openOnScreen(4);
        Suggestion first = reply(1, 1, "Your card is on its way.", SuggestionSource.ARTICLE, "card-delivery");
        desk.assistant.replies = List.of(first);
        desk.conversations.arrive(customer(4, 1, "where is my card"));
        assertEquals(List.of(first), vm.suggestions().suggestions());
        desk.assistant.replies = List.of();
        desk.conversations.arrive(customer(4, 2, "and my PIN?"));
        assertEquals(Notice.Kind.NOTHING, vm.suggestions().noticeProperty().get().kind());

        vm.suggestions().arrived(new Suggestions(4, 1, List.of(first), List.of(), Optional.empty()));
        vm.suggestions().arrived(new Suggestions(77, 9, List.of(first), List.of(), Optional.empty()));

        assertTrue(vm.suggestions().suggestions().isEmpty(), "stale answers leave the panel as it was");
        assertEquals(Notice.Kind.NOTHING, vm.suggestions().noticeProperty().get().kind());
    }

    @Test
    void theAssistantsNoticesAndTheDesksOwnAreData() {
        openOnScreen(5);
        assertEquals(Notice.Kind.WAITING, vm.suggestions().noticeProperty().get().kind());
        desk.assistant.notice = Optional.of(SuggestionNotice.ABSTAIN);
        desk.conversations.arrive(customer(5, 1, "something odd"));
        assertEquals(Notice.Kind.ABSTAIN, vm.suggestions().noticeProperty().get().kind());
        desk.assistant.notice = Optional.of(SuggestionNotice.NO_MATCH);
        desk.conversations.arrive(customer(5, 2, "something odder"));
        assertEquals(Notice.Kind.NO_MATCH, vm.suggestions().noticeProperty().get().kind());
        desk.conversations.arrive(agent(5, 3, "Let me look."));
        assertEquals(Notice.Kind.WAITING, vm.suggestions().noticeProperty().get().kind());
    }

    @Test
    void aSmartReplyWithdrawnBeforeSendingStaysInTheBoxAsTheAgentsOwn() {
        openOnScreen(6);
        Suggestion smart = reply(7, 1, "Happy to help.", SuggestionSource.HISTORY, "reply:7");
        desk.assistant.replies = List.of(smart);
        desk.conversations.arrive(customer(6, 1, "thanks"));
        assertTrue(vm.insertSuggestion(1));
        assertEquals("Happy to help.", vm.compose().textProperty().get());

        desk.assistant.withdrawn.add(smart);
        vm.compose().send();

        assertEquals(Notice.Kind.REPLY_WITHDRAWN, vm.compose().errorProperty().get().kind());
        assertEquals(ComposeViewModel.State.ERROR, vm.compose().stateProperty().get());
        assertEquals("Happy to help.", vm.compose().textProperty().get());
        assertTrue(desk.assistant.sent.isEmpty(), "nothing sent");
        assertFalse(vm.suggestions().suggestions().contains(smart), "it left the panel");
        assertEquals(Notice.Kind.WITHDRAWN, vm.suggestions().noticeProperty().get().kind());

        vm.compose().send();
        assertEquals(List.of("Happy to help."), desk.assistant.sent);
        assertEquals(List.of(Optional.empty()), desk.assistant.sentBasedOn, "sent as the agent's own words");
        assertEquals("", vm.compose().textProperty().get());
    }

    @Test
    void aWithdrawnSmartReplyIsNotInserted() {
        openOnScreen(7);
        Suggestion smart = reply(8, 1, "Happy to help.", SuggestionSource.HISTORY, "reply:8");
        desk.assistant.replies = List.of(smart);
        desk.conversations.arrive(customer(7, 1, "thanks"));
        desk.assistant.withdrawn.add(smart);
        vm.compose().textProperty().set("my own words");

        assertFalse(vm.insertSuggestion(1));

        assertEquals("my own words", vm.compose().textProperty().get());
        assertEquals(Notice.Kind.WITHDRAWN, vm.suggestions().noticeProperty().get().kind());
    }

    @Test
    void aRejectedSuggestionLeavesThePanelAndTheBoxForgetsIt() {
        openOnScreen(8);
        Suggestion s = reply(9, 1, "Your card is on its way.", SuggestionSource.ARTICLE, "card-delivery");
        desk.assistant.replies = List.of(s);
        desk.conversations.arrive(customer(8, 1, "where is my card"));
        vm.insertSuggestion(1);

        vm.suggestions().reject(1);

        assertEquals(List.of(s), desk.assistant.rejected);
        assertTrue(vm.suggestions().suggestions().isEmpty());
        assertEquals(Optional.empty(), vm.compose().insertedSuggestion());
    }

    @Test
    void tooLongRepliesAndMacroGapsAreRefusedAsData() {
        openOnScreen(9);
        vm.compose().textProperty().set("x".repeat(10_001));
        vm.compose().send();
        assertEquals(Notice.of(Notice.Kind.TOO_LONG, 10_001, 10_000), vm.compose().errorProperty().get());

        vm.compose().textProperty().set("Your card ending \u27e8card last 4\u27e9 is frozen, \u27e8card last 4\u27e9.");
        assertEquals(Notice.NONE, vm.compose().errorProperty().get(), "short enough again: the error goes");
        vm.compose().send();
        assertEquals(Notice.of(Notice.Kind.FILL_IN, "\u27e8card last 4\u27e9"), vm.compose().errorProperty().get());
        assertTrue(desk.assistant.sent.isEmpty());
        assertTrue(new NoticeTexts(DeskFakes.ENGLISH).words(vm.compose().errorProperty().get()).startsWith("Fill in \u27e8card last 4\u27e9"));
    }

    @Test
    void draftsStayWithTheirConversationAndTheQueueMarksWhatWasSeen() {
        openOnScreen(10);
        desk.conversations.add(conversation(11, Channel.CHAT));
        vm.compose().textProperty().set("half a reply");
        desk.conversations.arrive(customer(11, 1, "hello?"));

        QueueViewModel.QueueItem other = vm.queue().find(11).orElseThrow();
        assertTrue(other.unread(), "the customer wrote where the agent is not looking");
        assertFalse(vm.queue().find(10).orElseThrow().unread());

        vm.select(11);
        assertEquals("", vm.compose().textProperty().get());
        assertFalse(vm.queue().find(11).orElseThrow().unread(), "seen once on screen");
        vm.select(10);
        assertEquals("half a reply", vm.compose().textProperty().get());
    }

    @Test
    void aClosedConversationLeavesTheScreenAndItsDraftGoes() {
        Conversation c = openOnScreen(12);
        vm.compose().textProperty().set("bye");
        desk.conversations.open.remove(12L);
        desk.conversations.listeners.forEach(l -> l.conversationClosed(c));

        assertTrue(vm.conversation().selected().isEmpty());
        assertEquals("", vm.compose().textProperty().get());
        assertEquals(Notice.Kind.NO_CONVERSATION, vm.suggestions().noticeProperty().get().kind());
    }
}
