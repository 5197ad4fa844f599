package app.tandem.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.Suggestions;
import app.tandem.conversation.Author;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.security.User;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desk's view model over the real services, run synchronously. */
class DeskViewModelTest {

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
        vm = new DeskViewModel(backend.services, admin, new CurrentThreadTaskExecutor(), Texts.of(Locale.ENGLISH),
                Clock.systemDefaultZone());
        vm.start();
    }

    @AfterEach
    void dispose() {
        vm.dispose();
    }

    private Conversation openAndSelect(String title) {
        Conversation c = backend.services.conversations().open(Optional.of("C1001"), Channel.PHONE, title);
        vm.select(c.id());
        return c;
    }

    @Test
    void customerTurnBringsSuggestionsAndAcceptedSuggestionIsStoredAsSuch() {
        Conversation c = openAndSelect("Card");
        assertEquals(c.id(), vm.selectedProperty().get().id());
        assertEquals("Waiting for the customer.", vm.noticeProperty().get());

        backend.services.conversations().receiveFromCustomer(c.id(), "My card hasn't arrived yet, it's been two weeks");

        assertEquals(1, vm.messages().size());
        assertFalse(vm.suggestions().isEmpty(), "a suggested reply");
        assertFalse(vm.articles().isEmpty(), "an article");
        assertTrue(vm.insertSuggestion(1));
        assertEquals(vm.suggestions().get(0).text(), vm.composeProperty().get());

        vm.send();

        List<Message> stored = backend.services.conversations().messages(c.id());
        Message last = stored.get(stored.size() - 1);
        assertEquals(Author.AGENT, last.author());
        assertEquals(MessageOrigin.SUGGESTION_ACCEPTED, last.origin());
        assertEquals("", vm.composeProperty().get());
        assertEquals("Waiting for the customer.", vm.noticeProperty().get());
        assertTrue(vm.suggestions().isEmpty(), "answered: no suggestions left showing");
    }

    @Test
    void editedSuggestionIsStoredAsEdited() {
        Conversation c = openAndSelect("PIN");
        backend.services.conversations().receiveFromCustomer(c.id(), "My card hasn't arrived yet, it's been two weeks");
        vm.insertSuggestion(1);
        vm.composeProperty().set(vm.composeProperty().get() + " Anything else I can do?");
        vm.send();
        List<Message> stored = backend.services.conversations().messages(c.id());
        assertEquals(MessageOrigin.SUGGESTION_EDITED, stored.get(stored.size() - 1).origin());
    }

    @Test
    void staleSuggestionsAreDropped() {
        Conversation c = openAndSelect("Stale");
        backend.services.conversations().receiveFromCustomer(c.id(), "My card hasn't arrived yet");
        backend.services.conversations().receiveFromCustomer(c.id(), "Also, can I change my PIN?");
        List<String> current = vm.suggestions().stream().map(s -> s.text()).toList();

        vm.suggestionsArrived(Suggestions.none(c.id(), 1, "stale notice for turn 1"));

        assertEquals(current, vm.suggestions().stream().map(s -> s.text()).toList());
        assertFalse(vm.noticeProperty().get().contains("stale"));
    }

    @Test
    void tooLongReplyShowsInlineErrorAndKeepsTheText() {
        Conversation c = openAndSelect("Long");
        String text = "x".repeat(10_001);
        vm.composeProperty().set(text);

        vm.send();

        assertTrue(vm.composeErrorProperty().get().contains("10,001"), vm.composeErrorProperty().get());
        assertEquals(text, vm.composeProperty().get());
        assertTrue(backend.services.conversations().messages(c.id()).isEmpty());
    }

    @Test
    void agentRecordsWhatThePhoneCustomerSaid() {
        Conversation c = openAndSelect("Phone");
        vm.composeProperty().set("I lost my card abroad");
        vm.recordCustomerTurn();
        List<Message> stored = backend.services.conversations().messages(c.id());
        assertEquals(Author.CUSTOMER, stored.get(0).author());
        assertEquals("", vm.composeProperty().get());
    }

    @Test
    void queueShowsCustomerNameAndUnreadForOtherConversations() {
        Conversation a = openAndSelect("First");
        Conversation b = backend.services.conversations().open(Optional.of("C1001"), Channel.CHAT, "Second");
        backend.services.conversations().receiveFromCustomer(b.id(), "Hello?");

        DeskViewModel.QueueItem item = vm.queue().stream().filter(q -> q.id() == b.id()).findFirst().orElseThrow();
        assertTrue(item.unread());
        assertEquals("Emma Clarke", item.customerName());
        assertTrue(item.waitingSince().isPresent());

        vm.select(b.id());
        assertFalse(vm.queue().stream().filter(q -> q.id() == b.id()).findFirst().orElseThrow().unread());
        assertEquals(a.id(), vm.queue().stream().filter(q -> q.id() == a.id()).findFirst().orElseThrow().id());
    }

    @Test
    void draftsStayWithTheirConversation() {
        Conversation a = openAndSelect("Draft A");
        vm.composeProperty().set("half a reply");
        Conversation b = backend.services.conversations().open(Optional.empty(), Channel.BRANCH, "Draft B");
        vm.select(b.id());
        assertEquals("", vm.composeProperty().get());
        vm.select(a.id());
        assertEquals("half a reply", vm.composeProperty().get());
    }

    @Test
    void closingClearsTheSelection() {
        openAndSelect("To close");
        vm.closeSelected("Explained delivery times.", e -> { throw new AssertionError(e); });
        assertTrue(vm.selectedProperty().get() == null
                || !vm.selectedProperty().get().title().equals("To close"));
    }
}
