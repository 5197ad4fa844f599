package app.tandem.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.RejectReason;
import app.tandem.assist.Suggestion;
import app.tandem.assist.SuggestionAction;
import app.tandem.assist.SuggestionLog;
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

/**
 * Integration, end to end over TestBackend (H2, Lucene, no models): what the real assistant offers and what is stored; UI logic is DeskViewModelTest's.
 */
@Slow
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

    /**
     * The supervisor's delete goes through the real Smart Reply allowlist to the assistant's "still offered" check
     * and the reply service: the reply is not sent, and sent again it is stored as typed. What the desk shows
     * meanwhile is DeskViewModelTest's (over fakes).
     */
    @Test
    void aSmartReplyDeletedFromTheAllowlistIsNotSentAndSentAgainIsStoredAsTyped() {
        backend.tandem.smartReplies.rebuildFromHistory();
        AllowlistEntry entry = backend.tandem.smartReplies.entries().get(0);
        Conversation c = openAndSelect("Withdrawn");
        backend.services.conversations().receiveFromCustomer(c.id(), "Can you help me with my account?");
        int seq = backend.services.conversations().messages(c.id()).get(0).seq();
        Suggestion fromHistory = new Suggestion(0, 1, entry.text(), 0.8, SuggestionSource.HISTORY, "reply:" + entry.id(),
                java.util.OptionalInt.empty(), "Sent before");
        vm.suggestions().arrived(new Suggestions(c.id(), seq, List.of(fromHistory), List.of(), Optional.empty()));

        assertTrue(vm.insertSuggestion(1));
        vm.allowlist().curate(entry.id(), Optional.empty(), ignored -> { });
        vm.compose().send();
        assertEquals(entry.text(), vm.compose().textProperty().get(), "the text stays in the box");
        assertEquals(Notice.Kind.REPLY_WITHDRAWN, vm.compose().errorProperty().get().kind());
        assertEquals(1, backend.services.conversations().messages(c.id()).size(), "nothing sent");

        vm.compose().send();
        List<Message> stored = backend.services.conversations().messages(c.id());
        assertEquals(MessageOrigin.TYPED, stored.get(stored.size() - 1).origin());
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



}
