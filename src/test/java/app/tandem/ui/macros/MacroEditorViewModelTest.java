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

/** The supervisors' macro editor over the real services, run synchronously. */
@Slow
class MacroEditorViewModelTest {

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
    void agentsGetNoEditor() {
        assertTrue(MacroEditorViewModel.create(backend.services.assist().macros(), backend.services.audit(),
                backend.services.customers(), backend.services.io(), agent, new CurrentThreadTaskExecutor(),
                Texts.of(Locale.ENGLISH)).isEmpty());
    }

    @Test
    void starterMacrosAreListed() {
        MacroEditorViewModel vm = editor(supervisor);
        vm.load();
        assertEquals(16, vm.macros().stream().filter(m -> !m.title().startsWith("Zanzibar")).count());
    }

    @Test
    void unknownVariableAndUnbalancedBracesAreRefusedWithAClearMessage() {
        MacroEditorViewModel vm = editor(supervisor);
        vm.load();
        vm.titleProperty().set("Broken");
        vm.bodyProperty().set("Hi {customer.nickname}, your card {card.last4");
        assertTrue(vm.problemsProperty().get().contains("{customer.nickname} is not a variable Tandem knows"),
                vm.problemsProperty().get());
        assertTrue(vm.problemsProperty().get().contains("Unbalanced brace at character 35"), vm.problemsProperty().get());
        assertFalse(vm.canSave().get());
        int before = vm.macros().size();
        vm.save();
        assertEquals(MacroEditorViewModel.State.ERROR, vm.stateProperty().get());
        assertEquals(before, backend.services.assist().macros().orElseThrow().all().size(), "nothing stored");
        vm.bodyProperty().set("Hi {customer.firstName}.");
        assertEquals("", vm.problemsProperty().get());
        assertTrue(vm.canSave().get());
    }

    @Test
    void unknownIntentIsRefusedWithTheCloseKnownIds() {
        MacroEditorViewModel vm = editor(supervisor);
        vm.load();
        vm.newMacro();
        vm.titleProperty().set("Lost card");
        vm.bodyProperty().set("Your card is frozen.");
        vm.intentsProperty().set("lost_or_stolen_card，lost_card");
        assertTrue(vm.problemsProperty().get().contains("\u201clost_card\u201d is not an intent Tandem knows"),
                vm.problemsProperty().get());
        assertTrue(vm.problemsProperty().get().contains("such as lost_or_stolen_card"), vm.problemsProperty().get());
        assertEquals("Answers: Lost or stolen card", vm.intentNamesProperty().get());
        assertFalse(vm.canSave().get());
        vm.intentsProperty().set("lost_or_stolen_card, compromised_card");
        assertEquals("", vm.problemsProperty().get());
        assertTrue(vm.canSave().get());
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
    void momentIsLoadedFromTheMacroAndSaved() {
        MacroEditorViewModel vm = editor(supervisor);
        vm.load();
        assertEquals(Macro.Moment.ANY_TIME, vm.momentProperty().get(), "a new macro may be offered any time");
        assertEquals(java.util.List.of(Macro.Moment.ANY_TIME, Macro.Moment.OPENING, Macro.Moment.CLOSING), vm.moments());
        vm.edit(vm.macros().stream().filter(m -> m.title().equals("问候")).findFirst().orElseThrow());
        assertEquals(Macro.Moment.OPENING, vm.momentProperty().get());
        vm.edit(vm.macros().stream().filter(m -> m.title().equals("Closing")).findFirst().orElseThrow());
        assertEquals(Macro.Moment.CLOSING, vm.momentProperty().get());

        vm.newMacro();
        assertEquals(Macro.Moment.ANY_TIME, vm.momentProperty().get());
        vm.titleProperty().set("Zanzibar farewell");
        vm.bodyProperty().set("Enjoy Zanzibar, {customer.firstName}!");
        vm.momentProperty().set(Macro.Moment.CLOSING);
        vm.save();
        assertEquals(MacroEditorViewModel.State.IDLE, vm.stateProperty().get(), vm.messageProperty().get());
        Macro saved = vm.editingProperty().get();
        assertEquals(Macro.Moment.CLOSING, stored(saved.id()).moment());

        vm.momentProperty().set(Macro.Moment.ANY_TIME);
        vm.save();
        assertEquals(Macro.Moment.ANY_TIME, stored(saved.id()).moment());
        vm.newMacro();
        vm.edit(vm.macros().stream().filter(m -> m.id() == saved.id()).findFirst().orElseThrow());
        assertEquals(Macro.Moment.ANY_TIME, vm.momentProperty().get());
        vm.delete();
    }

    private static Macro stored(long id) {
        return backend.services.assist().macros().orElseThrow().all().stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Test
    void momentIsOfferedInTheSupervisorsWords() {
        Texts en = Texts.of(Locale.ENGLISH);
        assertEquals("Only to open a conversation (before the agent's first reply)", en.get("macros.moment.OPENING"));
        Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);
        assertEquals("仅用于结束（客服回复后）", zh.get("macros.moment.CLOSING"));
        assertEquals("随时", zh.get("macros.moment.ANY_TIME"));
    }

    @Test
    void previewFillsTheSampleCustomerAndMarksWhatIsMissing() {
        MacroEditorViewModel vm = editor(supervisor);
        vm.load();
        vm.bodyProperty().set("Hi {customer.firstName}, I am {agent.name}.");
        assertEquals("Hi " + firstNameOfSample(vm) + ", I am Sue Supervisor.", previewText(vm));
        assertTrue(vm.preview().stream().noneMatch(MacroEditorViewModel.PreviewRun::gap));
        assertTrue(vm.previewForProperty().get().startsWith("Preview for "), vm.previewForProperty().get());
        vm.bodyProperty().set("Hi {customer.firstName}, {customer.name} {card.last4}.");
        assertFalse(previewText(vm).contains("{"), "never raw braces");
    }

    private static String previewText(MacroEditorViewModel vm) {
        return String.join("", vm.preview().stream().map(MacroEditorViewModel.PreviewRun::text).toList());
    }

    private static String firstNameOfSample(MacroEditorViewModel vm) {
        String who = vm.previewForProperty().get(); // "Preview for Emma Clarke (C1001)"
        return who.substring("Preview for ".length()).split(" ")[0];
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
