package app.tandem.ui.desk;

import static app.tandem.ui.desk.DeskFakes.ENGLISH;
import static app.tandem.ui.desk.DeskFakes.SUPERVISOR;
import static app.tandem.ui.desk.DeskFakes.conversation;
import static app.tandem.ui.desk.DeskFakes.customer;
import static app.tandem.ui.desk.DeskFakes.reply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.ConversationSummary;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionNotice;
import app.tandem.assist.SuggestionSource;
import app.tandem.assist.Suggestions;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The desk's view model (queue, compose box, suggestion panel, closing) over the hand-written fakes of
 * {@link DeskFakes}, run synchronously: what it shows and says given what the services return. What the real
 * services store and offer is {@link DeskOverRealServicesTest}'s.
 */
class DeskViewModelTest {

    DeskFakes.Desk desk;
    DeskViewModel vm;
    private long nextId = 1;

    @BeforeEach
    void createViewModel() {
        desk = new DeskFakes.Desk(SUPERVISOR);
        vm = desk.vm;
        vm.start();
    }

    @AfterEach
    void dispose() {
        vm.dispose();
    }

    /** The panel's notice as the agent reads it in English. */
    private static String notice(DeskViewModel desk) {
        return new NoticeTexts(ENGLISH).words(desk.suggestions().noticeProperty().get());
    }

    /** The compose box's error line as the agent reads it in English. */
    private static String composeError(DeskViewModel desk) {
        return new NoticeTexts(ENGLISH).words(desk.compose().errorProperty().get());
    }

    /** Opened while the desk is open (the desk hears of it), then chosen by the agent. */
    private Conversation openAndSelect(Channel channel) {
        Conversation c = desk.conversations.open(conversation(nextId++, "C1001", channel));
        vm.select(c.id());
        assertTrue(vm.conversation().isSelected(c.id()));
        return c;
    }

    private void customerSays(Conversation c, String text) {
        desk.conversations.arrive(customer(c.id(), desk.conversations.nextSeq(c.id()), text));
    }

    @Test
    void staleSuggestionsAreDropped() {
        Conversation c = openAndSelect(Channel.PHONE);
        desk.assistant.replies = List.of(reply(1, 1, "Your card is on its way.", SuggestionSource.ARTICLE, "card-delivery"),
                reply(2, 2, "You can change your PIN in the app.", SuggestionSource.ARTICLE, "change-pin"));
        customerSays(c, "My card hasn't arrived yet");
        customerSays(c, "Also, can I change my PIN?");
        List<String> current = vm.suggestions().suggestions().stream().map(s -> s.text()).toList();
        Notice before = vm.suggestions().noticeProperty().get();
        assertEquals(2, current.size());

        vm.suggestions().arrived(Suggestions.none(c.id(), 1, SuggestionNotice.NO_MATCH));

        assertEquals(current, vm.suggestions().suggestions().stream().map(s -> s.text()).toList());
        assertFalse(notice(vm).contains("stale"));
        assertEquals(before, vm.suggestions().noticeProperty().get(), "the stale answer's notice is not shown either");
    }

    @Test
    void tooLongReplyShowsInlineErrorAndKeepsTheText() {
        Conversation c = openAndSelect(Channel.PHONE);
        String text = "x".repeat(10_001);
        vm.compose().textProperty().set(text);

        vm.compose().send();

        assertTrue(composeError(vm).contains("10,001"), composeError(vm));
        assertEquals(Notice.of(Notice.Kind.TOO_LONG, 10_001, 10_000), vm.compose().errorProperty().get());
        assertEquals(text, vm.compose().textProperty().get());
        assertTrue(desk.conversations.messages(c.id()).isEmpty());
        assertTrue(desk.assistant.sent.isEmpty(), "nothing reached the outbox");
    }

    @Test
    void agentRecordsWhatThePhoneCustomerSaid() {
        Conversation c = openAndSelect(Channel.PHONE);
        vm.compose().textProperty().set("I lost my card abroad");
        vm.compose().recordCustomerTurn();
        assertEquals(List.of("customer: I lost my card abroad"), desk.assistant.sent, "recorded as the customer's, not sent");
        assertEquals(Author.CUSTOMER, desk.conversations.messages(c.id()).get(0).author());
        assertEquals("", vm.compose().textProperty().get());
    }

    @Test
    void queueShowsCustomerNameAndUnreadForOtherConversations() {
        desk.conversations.customerNames.put("C1001", "Emma Clarke");
        Conversation a = openAndSelect(Channel.PHONE);
        Conversation b = desk.conversations.open(conversation(nextId++, "C1001", Channel.CHAT));
        customerSays(b, "Hello?");

        QueueViewModel.QueueItem item = vm.queue().items().stream().filter(q -> q.id() == b.id()).findFirst().orElseThrow();
        assertTrue(item.unread());
        assertEquals("Emma Clarke", item.customerName());
        assertTrue(item.waitingSince().isPresent());

        vm.select(b.id());
        assertFalse(vm.queue().items().stream().filter(q -> q.id() == b.id()).findFirst().orElseThrow().unread());
        assertEquals(a.id(), vm.queue().items().stream().filter(q -> q.id() == a.id()).findFirst().orElseThrow().id());
    }

    @Test
    void draftsStayWithTheirConversation() {
        Conversation a = openAndSelect(Channel.PHONE);
        vm.compose().textProperty().set("half a reply");
        Conversation b = desk.conversations.open(conversation(nextId++, Channel.BRANCH));
        vm.select(b.id());
        assertEquals("", vm.compose().textProperty().get());
        vm.select(a.id());
        assertEquals("half a reply", vm.compose().textProperty().get());
    }

    @Test
    void closingClearsTheSelection() {
        Conversation c = openAndSelect(Channel.PHONE);
        vm.closing().close("Explained delivery times.", e -> {
            throw new AssertionError(e);
        });
        assertTrue(vm.conversation().selectedProperty().get() == null
                || vm.conversation().selectedProperty().get().id() != c.id());
        assertEquals(null, vm.conversation().selectedProperty().get(), "nothing else is open: nothing on screen");
        assertEquals("Explained delivery times.", desk.closings.summaries.get(c.id()), "closed with the agent's summary");
    }

    @Test
    void smartReplyWithdrawnWhileShownIsNeitherInsertedNorSentAndNothingIsLost() {
        AllowlistEntry entry = desk.allowlist.add(41, "Happy to help. Is there anything else?");
        Conversation c = openAndSelect(Channel.PHONE);
        customerSays(c, "Can you help me with my account?");
        int seq = desk.conversations.messages(c.id()).get(0).seq();
        Suggestion fromHistory = new Suggestion(0, 1, entry.text(), 0.8, SuggestionSource.HISTORY, "reply:" + entry.id(),
                OptionalInt.empty(), "Sent before");
        vm.suggestions().arrived(new Suggestions(c.id(), seq, List.of(fromHistory), List.of(), Optional.empty()));

        // Inserted while still offered, then a supervisor deletes the entry before the agent sends.
        assertTrue(vm.insertSuggestion(1));
        vm.allowlist().curate(entry.id(), Optional.empty(), ignored -> { });
        vm.compose().send();
        assertEquals(entry.text(), vm.compose().textProperty().get(), "the text stays in the box");
        assertTrue(composeError(vm).contains("withdrawn"), composeError(vm));
        assertEquals(Notice.Kind.REPLY_WITHDRAWN, vm.compose().errorProperty().get().kind());
        assertEquals(1, desk.conversations.messages(c.id()).size(), "nothing sent");
        assertTrue(desk.assistant.sent.isEmpty(), "nothing reached the outbox");
        assertTrue(vm.suggestions().suggestions().isEmpty(), "the withdrawn reply left the panel");

        // Sent again, it is the agent's own reply now (stored as typed: DeskOverRealServicesTest).
        vm.compose().send();
        assertEquals(List.of(entry.text()), desk.assistant.sent);
        assertEquals(List.of(Optional.empty()), desk.assistant.sentBasedOn, "sent as the agent's own words");

        // Shown again (an older screen), it is not inserted: the box keeps what it has.
        customerSays(c, "Thanks, one more thing");
        int next = desk.conversations.messages(c.id()).get(2).seq();
        vm.suggestions().arrived(new Suggestions(c.id(), next, List.of(fromHistory), List.of(), Optional.empty()));
        vm.compose().textProperty().set("my own words");
        assertFalse(vm.insertSuggestion(1));
        assertEquals("my own words", vm.compose().textProperty().get());
        assertTrue(notice(vm).contains("withdrawn"), notice(vm));
        assertEquals(Notice.Kind.WITHDRAWN, vm.suggestions().noticeProperty().get().kind());
    }

    @Test
    void aMacroGapIsNamedInTheAgentsLanguageAndNotSent() {
        Conversation c = openAndSelect(Channel.PHONE);
        vm.compose().textProperty().set("Your card ending \u27e8card last 4\u27e9 is frozen.");
        vm.compose().send();
        assertTrue(composeError(vm).startsWith("Fill in \u27e8card last 4\u27e9"), composeError(vm));
        assertTrue(desk.conversations.messages(c.id()).isEmpty());
        assertTrue(desk.assistant.sent.isEmpty(), "nothing reached the outbox");
    }

    /** The close dialog's draft summary is laid out in the agent's language; the conversation's words stay as said. */
    @Test
    void draftSummaryInChinese() {
        DeskViewModel zh = new DeskFakes.Desk(SUPERVISOR, Texts.of(Locale.SIMPLIFIED_CHINESE)).vm;
        var parts = new ConversationSummary.Parts("我的新卡还没收到", List.of("3"), List.of("12"),
                "已为您补寄新卡。", List.of("card-delivery-zh"));
        assertEquals("问题：我的新卡还没收到\n处理：使用了快捷回复 #3、历史回复 #12\n解决情况：已为您补寄新卡。\n引用的文章：card-delivery-zh",
                zh.closing().summaryText(parts));
        assertEquals(parts.english(), vm.closing().summaryText(parts), "English lays it out as the command line does");
        assertEquals("问题：（客户没有发言）\n解决情况：（没有实质性回复）",
                zh.closing().summaryText(new ConversationSummary.Parts("", List.of(), List.of(), "", List.of())));
    }

    @Test
    void aConversationAskedForBeforeTheQueueListsItIsShownAndNotReplacedByTheQueuesFirstNorOverTheAgentsLaterChoice() {
        DeskFakes.Desk held = new DeskFakes.Desk(SUPERVISOR);
        held.conversations.add(conversation(100, "C1002", Channel.CHAT));
        held.tasks.holdResults();
        DeskViewModel desk = held.vm;
        desk.start();
        held.tasks.handOver();
        Conversation shownFirst = desk.conversation().selectedProperty().get();
        assertTrue(shownFirst != null, "with nothing chosen the desk opens the queue's first conversation");

        // Asked for (as New conversation does) before the queue has listed it: the queue's answer comes first.
        Conversation asked = held.conversations.open(conversation(101, "C1001", Channel.PHONE));
        List<Long> shown = new ArrayList<>();
        desk.conversation().selectedProperty().addListener((obs, old, c) -> {
            if (c != null) {
                shown.add(c.id());
            }
        });
        desk.select(asked.id());
        desk.queue().refresh();
        held.tasks.handOver();
        assertEquals(asked.id(), desk.conversation().selectedProperty().get().id());
        assertEquals(List.of(asked.id()), shown, "no other conversation shown on the way");

        // Asked for, then another chosen from the queue before the first arrives: the later choice stays.
        Conversation late = held.conversations.open(conversation(102, "C1001", Channel.CHAT));
        desk.select(late.id());
        desk.select(shownFirst.id());
        held.tasks.handOver();
        assertEquals(shownFirst.id(), desk.conversation().selectedProperty().get().id());
        desk.dispose();
    }
}
