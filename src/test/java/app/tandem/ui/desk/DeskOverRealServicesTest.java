package app.tandem.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.RejectReason;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionAction;
import app.tandem.assist.SuggestionLog;
import app.tandem.assist.SuggestionNotice;
import app.tandem.assist.SuggestionSource;
import app.tandem.assist.Suggestions;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.security.User;
import app.tandem.ui.MainWindow;
import app.tandem.ui.TestBackend;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's view model over the real services, run synchronously. */
class DeskOverRealServicesTest {

    @TempDir
    static Path folder;
    static TestBackend backend;
    static User admin;

    DeskViewModel vm;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start(folder);
        admin = backend.services.accounts().createFirstAdmin("admin", "Ada Admin", "correct horse".toCharArray());
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @BeforeEach
    void createViewModel() {
        vm = MainWindow.deskViewModel(backend.services, admin, new CurrentThreadTaskExecutor(), Texts.of(Locale.ENGLISH),
                Clock.systemDefaultZone());
        vm.start();
    }

    @AfterEach
    void dispose() {
        vm.dispose();
    }

    /** The panel's notice as the agent reads it in English. */
    private static String notice(DeskViewModel desk) {
        return new NoticeTexts(Texts.of(Locale.ENGLISH)).words(desk.suggestions().noticeProperty().get());
    }

    /** The compose box's error line as the agent reads it in English. */
    private static String composeError(DeskViewModel desk) {
        return new NoticeTexts(Texts.of(Locale.ENGLISH)).words(desk.compose().errorProperty().get());
    }

    private Conversation openAndSelect(String title) {
        Conversation c = backend.services.conversations().open(Optional.of("C1001"), Channel.PHONE, title);
        vm.select(c.id());
        return c;
    }

    @Test
    void customerTurnBringsSuggestionsAndAcceptedSuggestionIsStoredAsSuch() {
        Conversation c = openAndSelect("Card");
        assertEquals(c.id(), vm.conversation().selectedProperty().get().id());
        assertEquals("Waiting for the customer.", notice(vm));
        assertEquals(Notice.Kind.WAITING, vm.suggestions().noticeProperty().get().kind());

        backend.services.conversations().receiveFromCustomer(c.id(), "My card hasn't arrived yet, it's been two weeks");

        assertEquals(1, vm.conversation().messages().size());
        assertFalse(vm.suggestions().suggestions().isEmpty(), "a suggested reply");
        assertFalse(vm.suggestions().articles().isEmpty(), "an article");
        assertTrue(vm.insertSuggestion(1));
        assertEquals(vm.suggestions().suggestions().get(0).text(), vm.compose().textProperty().get());

        vm.compose().send();

        List<Message> stored = backend.services.conversations().messages(c.id());
        Message last = stored.get(stored.size() - 1);
        assertEquals(Author.AGENT, last.author());
        assertEquals(MessageOrigin.SUGGESTION_ACCEPTED, last.origin());
        assertEquals("", vm.compose().textProperty().get());
        assertEquals("Waiting for the customer.", notice(vm));
        assertTrue(vm.suggestions().suggestions().isEmpty(), "answered: no suggestions left showing");
    }

    @Test
    void editedSuggestionIsStoredAsEdited() {
        Conversation c = openAndSelect("PIN");
        backend.services.conversations().receiveFromCustomer(c.id(), "My card hasn't arrived yet, it's been two weeks");
        vm.insertSuggestion(1);
        vm.compose().textProperty().set(vm.compose().textProperty().get() + " Anything else I can do?");
        vm.compose().send();
        List<Message> stored = backend.services.conversations().messages(c.id());
        assertEquals(MessageOrigin.SUGGESTION_EDITED, stored.get(stored.size() - 1).origin());
    }

    @Test
    void staleSuggestionsAreDropped() {
        Conversation c = openAndSelect("Stale");
        backend.services.conversations().receiveFromCustomer(c.id(), "My card hasn't arrived yet");
        backend.services.conversations().receiveFromCustomer(c.id(), "Also, can I change my PIN?");
        List<String> current = vm.suggestions().suggestions().stream().map(s -> s.text()).toList();

        vm.suggestions().arrived(Suggestions.none(c.id(), 1, SuggestionNotice.NO_MATCH));

        assertEquals(current, vm.suggestions().suggestions().stream().map(s -> s.text()).toList());
        assertFalse(notice(vm).contains("stale"));
    }

    @Test
    void tooLongReplyShowsInlineErrorAndKeepsTheText() {
        Conversation c = openAndSelect("Long");
        String text = "x".repeat(10_001);
        vm.compose().textProperty().set(text);

        vm.compose().send();

        assertTrue(composeError(vm).contains("10,001"), composeError(vm));
        assertEquals(Notice.of(Notice.Kind.TOO_LONG, 10_001, 10_000), vm.compose().errorProperty().get());
        assertEquals(text, vm.compose().textProperty().get());
        assertTrue(backend.services.conversations().messages(c.id()).isEmpty());
    }

    @Test
    void agentRecordsWhatThePhoneCustomerSaid() {
        Conversation c = openAndSelect("Phone");
        vm.compose().textProperty().set("I lost my card abroad");
        vm.compose().recordCustomerTurn();
        List<Message> stored = backend.services.conversations().messages(c.id());
        assertEquals(Author.CUSTOMER, stored.get(0).author());
        assertEquals("", vm.compose().textProperty().get());
    }

    @Test
    void queueShowsCustomerNameAndUnreadForOtherConversations() {
        Conversation a = openAndSelect("First");
        Conversation b = backend.services.conversations().open(Optional.of("C1001"), Channel.CHAT, "Second");
        backend.services.conversations().receiveFromCustomer(b.id(), "Hello?");

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
        Conversation a = openAndSelect("Draft A");
        vm.compose().textProperty().set("half a reply");
        Conversation b = backend.services.conversations().open(Optional.empty(), Channel.BRANCH, "Draft B");
        vm.select(b.id());
        assertEquals("", vm.compose().textProperty().get());
        vm.select(a.id());
        assertEquals("half a reply", vm.compose().textProperty().get());
    }

    @Test
    void closingClearsTheSelection() {
        openAndSelect("To close");
        vm.closing().close("Explained delivery times.", e -> { throw new AssertionError(e); });
        assertTrue(vm.conversation().selectedProperty().get() == null
                || !vm.conversation().selectedProperty().get().title().equals("To close"));
    }

    @Test
    void rejectionWithAReasonLeavesThePanelAndIsStoredInH2() {
        Conversation c = openAndSelect("Reject");
        backend.services.conversations().receiveFromCustomer(c.id(), "My card hasn't arrived yet, it's been two weeks");
        Suggestion first = vm.suggestions().suggestionAt(1).orElseThrow();

        vm.suggestions().reject(first, Optional.of(RejectReason.WRONG_FACTS), Optional.of("  delivery takes 5 days now "));

        assertFalse(vm.suggestions().suggestions().contains(first));
        SuggestionLog.Logged row = backend.suggestionLog().forConversation(c.id()).stream()
                .filter(l -> l.id() == first.id()).findFirst().orElseThrow();
        assertEquals(SuggestionAction.REJECTED, row.action());
        assertEquals(Optional.of("wrong-facts: delivery takes 5 days now"), row.rejectReason());
        assertEquals("admin", row.agent());
    }

    @Test
    void smartReplyWithdrawnWhileShownIsNeitherInsertedNorSentAndNothingIsLost() {
        backend.tandem.smartReplies.rebuildFromHistory();
        AllowlistEntry entry = backend.tandem.smartReplies.entries().get(0);
        Conversation c = openAndSelect("Withdrawn");
        backend.services.conversations().receiveFromCustomer(c.id(), "Can you help me with my account?");
        int seq = backend.services.conversations().messages(c.id()).get(0).seq();
        Suggestion fromHistory = new Suggestion(0, 1, entry.text(), 0.8, SuggestionSource.HISTORY, "reply:" + entry.id(),
                java.util.OptionalInt.empty(), "Sent before");
        vm.suggestions().arrived(new Suggestions(c.id(), seq, List.of(fromHistory), List.of(), Optional.empty()));

        // Inserted while still offered, then a supervisor deletes the entry before the agent sends.
        assertTrue(vm.insertSuggestion(1));
        vm.allowlist().curate(entry.id(), Optional.empty(), ignored -> { });
        vm.compose().send();
        assertEquals(entry.text(), vm.compose().textProperty().get(), "the text stays in the box");
        assertTrue(composeError(vm).contains("withdrawn"), composeError(vm));
        assertEquals(Notice.Kind.REPLY_WITHDRAWN, vm.compose().errorProperty().get().kind());
        assertEquals(1, backend.services.conversations().messages(c.id()).size(), "nothing sent");
        assertTrue(vm.suggestions().suggestions().isEmpty(), "the withdrawn reply left the panel");

        // Sent again, it is the agent's own reply now.
        vm.compose().send();
        List<Message> stored = backend.services.conversations().messages(c.id());
        assertEquals(MessageOrigin.TYPED, stored.get(stored.size() - 1).origin());

        // Shown again (an older screen), it is not inserted: the box keeps what it has.
        backend.services.conversations().receiveFromCustomer(c.id(), "Thanks, one more thing");
        int next = backend.services.conversations().messages(c.id()).get(2).seq();
        vm.suggestions().arrived(new Suggestions(c.id(), next, List.of(fromHistory), List.of(), Optional.empty()));
        vm.compose().textProperty().set("my own words");
        assertFalse(vm.insertSuggestion(1));
        assertEquals("my own words", vm.compose().textProperty().get());
        assertTrue(notice(vm).contains("withdrawn"), notice(vm));
        assertEquals(Notice.Kind.WITHDRAWN, vm.suggestions().noticeProperty().get().kind());
    }

    @Test
    void aMacroGapIsNamedInTheAgentsLanguageAndNotSent() {
        Conversation c = openAndSelect("Gap");
        vm.compose().textProperty().set("Your card ending \u27e8card last 4\u27e9 is frozen.");
        vm.compose().send();
        assertTrue(composeError(vm).startsWith("Fill in \u27e8card last 4\u27e9"), composeError(vm));
        assertTrue(backend.services.conversations().messages(c.id()).isEmpty());
    }

    @Test
    void provenanceIsSaidInTheDesksLanguage() {
        Conversation c = openAndSelect("Provenance");
        backend.services.conversations().receiveFromCustomer(c.id(), "My card hasn't arrived yet, it's been two weeks");
        Suggestion first = vm.suggestions().suggestionAt(1).orElseThrow();
        assertEquals(first.why(), vm.wording().provenance(first), "English words as the log keeps them");
        DeskViewModel chinese = MainWindow.deskViewModel(backend.services, admin, new CurrentThreadTaskExecutor(),
                Texts.of(Locale.SIMPLIFIED_CHINESE), Clock.systemDefaultZone());
        String said = chinese.wording().provenance(first);
        assertTrue(said.startsWith("来自") || said.startsWith("快捷回复"), said);
    }

    /** The close dialog's draft summary is laid out in the agent's language; the conversation's words stay as said. */
    @Test
    void draftSummaryInChinese() {
        DeskViewModel zh = MainWindow.deskViewModel(backend.services, admin, new CurrentThreadTaskExecutor(), Texts.of(Locale.SIMPLIFIED_CHINESE),
                Clock.systemDefaultZone());
        var parts = new app.tandem.assist.ConversationSummary.Parts("我的新卡还没收到", List.of("3"), List.of("12"),
                "已为您补寄新卡。", List.of("card-delivery-zh"));
        assertEquals("问题：我的新卡还没收到\n处理：使用了快捷回复 #3、历史回复 #12\n解决情况：已为您补寄新卡。\n引用的文章：card-delivery-zh",
                zh.closing().summaryText(parts));
        assertEquals(parts.english(), vm.closing().summaryText(parts), "English lays it out as the command line does");
        assertEquals("问题：（客户没有发言）\n解决情况：（没有实质性回复）",
                zh.closing().summaryText(new app.tandem.assist.ConversationSummary.Parts("", List.of(), List.of(), "", List.of())));
    }

    /** Runs work at once but keeps its results for the UI until the test hands them over, in order. */
    private static final class HeldResults implements TaskExecutor {
        final java.util.ArrayDeque<Runnable> held = new java.util.ArrayDeque<>();

        @Override
        public <T> void execute(String description, java.util.concurrent.Executor where, java.util.concurrent.Callable<T> work,
                                java.util.function.Consumer<? super T> onSuccess, java.util.function.Consumer<? super Throwable> onFailure) {
            try {
                T result = work.call();
                held.add(() -> onSuccess.accept(result));
            } catch (Exception e) {
                held.add(() -> onFailure.accept(e));
            }
        }

        @Override
        public void onUiThread(Runnable action) {
            action.run();
        }

        void handOver() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    @Test
    void aConversationAskedForBeforeTheQueueListsItIsShownAndNotReplacedByTheQueuesFirstNorOverTheAgentsLaterChoice() {
        backend.services.conversations().open(Optional.of("C1002"), Channel.CHAT, "Waiting first");
        HeldResults tasks = new HeldResults();
        DeskViewModel desk = MainWindow.deskViewModel(backend.services, admin, tasks, Texts.of(Locale.ENGLISH), Clock.systemDefaultZone());
        desk.start();
        tasks.handOver();
        Conversation shownFirst = desk.conversation().selectedProperty().get();
        assertTrue(shownFirst != null, "with nothing chosen the desk opens the queue's first conversation");

        // Asked for (as New conversation does) before the queue has listed it: the queue's answer comes first.
        Conversation asked = backend.services.conversations().open(Optional.of("C1001"), Channel.PHONE, "Asked for");
        List<Long> shown = new java.util.ArrayList<>();
        desk.conversation().selectedProperty().addListener((obs, old, c) -> {
            if (c != null) {
                shown.add(c.id());
            }
        });
        desk.select(asked.id());
        desk.queue().refresh();
        tasks.handOver();
        assertEquals(asked.id(), desk.conversation().selectedProperty().get().id());
        assertEquals(List.of(asked.id()), shown, "no other conversation shown on the way");

        // Asked for, then another chosen from the queue before the first arrives: the later choice stays.
        Conversation late = backend.services.conversations().open(Optional.of("C1001"), Channel.CHAT, "Asked, then left");
        desk.select(late.id());
        desk.select(shownFirst.id());
        tasks.handOver();
        assertEquals(shownFirst.id(), desk.conversation().selectedProperty().get().id());
        desk.dispose();
    }
}
