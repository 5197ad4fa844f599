package app.tandem.ui.macros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.assist.Macro;
import app.tandem.assist.Suggestion;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.MainWindow;
import app.tandem.ui.TestBackend;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.ui.desk.DeskViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Integration over TestBackend (H2, starter macros as seeded): what is stored, audited and then suggested at the desk; UI logic is MacroEditorViewModelTest's. */
@Slow
class MacroEditorOverRealServicesTest {

    @TempDir
    static Path folder;
    static TestBackend backend;
    static User supervisor;
    static User agent;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start(folder);
        backend.services.accounts().createFirstAdmin("admin", "Ada Admin", "correct horse".toCharArray());
        supervisor = backend.services.accounts().createUser("admin", "sue", "Sue Supervisor", Role.SUPERVISOR,
                "battery staple".toCharArray());
        agent = backend.services.accounts().createUser("admin", "bob", "Bob Agent", Role.AGENT, "battery staple".toCharArray());
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    private static MacroEditorViewModel editor(User user) {
        return MacroEditorViewModel.create(backend.services.assist().macros(), backend.services.audit(),
                backend.services.customers(), backend.services.io(), user, new CurrentThreadTaskExecutor(), Texts.of(Locale.ENGLISH))
                .orElseThrow();
    }


    @Test
    void starterMacrosAreListed() {
        MacroEditorViewModel vm = editor(supervisor);
        vm.load();
        assertEquals(16, vm.macros().stream().filter(m -> !m.title().startsWith("Zanzibar")).count());
    }



    @Test
    void starterMacrosNameOnlyKnownIntentsAndGreetingsNone() {
        MacroEditorViewModel vm = editor(supervisor);
        vm.load();
        java.util.Set<String> known = java.util.Set.copyOf(Texts.of(Locale.ENGLISH).knownIntents());
        for (Macro m : vm.macros()) {
            assertTrue(app.tandem.assist.MacroCheck.intents(m.intents(), known).isEmpty(), m.title() + " " + m.intents());
        }
        Macro greeting = vm.macros().stream().filter(m -> m.title().equals("Greeting")).findFirst().orElseThrow();
        assertEquals(java.util.List.of(), greeting.intents());
        Macro lost = vm.macros().stream().filter(m -> m.title().equals("挂失冻结银行卡")).findFirst().orElseThrow();
        assertTrue(lost.intents().contains("lost_or_stolen_card"), lost.intents().toString());
    }







    @Test
    void createdMacroIsAuditedAndSuggestedWithTheCustomersName() {
        MacroEditorViewModel vm = editor(supervisor);
        vm.load();
        vm.newMacro();
        vm.titleProperty().set("Zanzibar travel notice");
        vm.languageProperty().set("en");
        vm.bodyProperty().set("Thank you {customer.firstName}, I have added a travel notice for Zanzibar to your profile.");
        vm.triggersProperty().set("travel notice for Zanzibar\n\n  please note my trip to Zanzibar  ");
        vm.intentsProperty().set("country_support, country_support");
        vm.save();
        assertEquals(MacroEditorViewModel.State.IDLE, vm.stateProperty().get(), vm.messageProperty().get());
        Macro saved = vm.editingProperty().get();
        assertTrue(saved.id() > 0);
        assertEquals(java.util.List.of("travel notice for Zanzibar", "please note my trip to Zanzibar"), saved.triggers());
        assertEquals(java.util.List.of("country_support"), backend.services.assist().macros().orElseThrow().all().stream()
                .filter(m -> m.id() == saved.id()).findFirst().orElseThrow().intents());
        assertTrue(vm.macros().stream().anyMatch(m -> m.id() == saved.id()));
        assertTrue(backend.services.audit().latest(10).stream().anyMatch(e -> e.action().equals("macro.create")
                && e.actor().equals("sue") && e.target().equals("macro:" + saved.id())));

        DeskViewModel desk = MainWindow.deskViewModel(backend.services, agent, new CurrentThreadTaskExecutor(),
                Texts.of(Locale.ENGLISH), Clock.systemDefaultZone());
        desk.start();
        try {
            Conversation c = backend.services.conversations().open(Optional.of("C1001"), Channel.CHAT, "Trip");
            desk.select(c.id());
            backend.services.conversations().receiveFromCustomer(c.id(), "Hello, can you add a travel notice for Zanzibar?");
            Suggestion macro = desk.suggestions().suggestions().stream().filter(s -> s.sourceRef().equals("macro:" + saved.id()))
                    .findFirst().orElseThrow(() -> new AssertionError("not suggested: " + desk.suggestions().suggestions()));
            assertEquals("Thank you Emma, I have added a travel notice for Zanzibar to your profile.", macro.text());
        } finally {
            desk.dispose();
        }

        vm.setEnabled(false);
        assertFalse(vm.editingProperty().get().enabled());
        assertTrue(backend.services.audit().latest(10).stream().anyMatch(e -> e.action().equals("macro.disable")));
        vm.delete();
        assertTrue(backend.services.assist().macros().orElseThrow().all().stream().noneMatch(m -> m.id() == saved.id()));
        assertTrue(backend.services.audit().latest(10).stream().anyMatch(e -> e.action().equals("macro.delete")));
        assertEquals(0, vm.editingProperty().get().id(), "the form is empty again");
    }
}
