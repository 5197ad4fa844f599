package app.tandem.ui.macros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.Macro;
import app.tandem.assist.MacroCuration;
import app.tandem.assist.MacroLibrary;
import app.tandem.assist.MacroRepository;
import app.tandem.assist.StarterMacros;
import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import app.tandem.security.AuditLog;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.Texts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisors' macro editor over small fakes (macros, audit and customers in memory; the starter macros as
 * bundled), run synchronously: what the form shows, refuses and previews. What the real storage keeps and the desk
 * then suggests is {@link MacroEditorOverRealServicesTest}'s.
 */
class MacroEditorViewModelTest {

    static final User SUPERVISOR = new User(3, "sue", "Sue Supervisor", Role.SUPERVISOR, 0, Optional.empty());
    static final User AGENT = new User(4, "bob", "Bob Agent", Role.AGENT, 0, Optional.empty());
    static final Texts ENGLISH = Texts.of(Locale.ENGLISH);
    static final Executor NOWHERE = r -> {
        throw new AssertionError("work must go through the task executor");
    };

    Macros stored;
    List<AuditLog.Entry> audited;
    Customers customers;

    @BeforeEach
    void fakes() {
        stored = new Macros();
        new MacroLibrary(stored).seedIfEmpty(StarterMacros.bundled());
        audited = new ArrayList<>();
        customers = new Customers();
        customers.save(new Customer("C1001", "Emma Clarke", "retail", "en", Optional.empty(), Optional.empty(), Optional.empty(),
                List.of("current account"), List.of(new Customer.Card("debit", "6467", "active")), ""));
    }

    private MacroEditorViewModel editor(User user) {
        Set<String> known = Set.copyOf(ENGLISH.knownIntents());
        return new MacroEditorViewModel(new MacroCuration(new MacroLibrary(stored), audit(), known), customers, user,
                new CurrentThreadTaskExecutor(), NOWHERE, ENGLISH, known);
    }

    private AuditLog audit() {
        return new AuditLog() {
            @Override
            public void record(String actor, String action, String target, String detail) {
                audited.add(new AuditLog.Entry(Instant.EPOCH, actor, action, target, detail));
            }

            @Override
            public List<Entry> latest(int limit) {
                return List.copyOf(audited);
            }
        };
    }

    @Test
    void agentsGetNoEditor() {
        assertTrue(MacroEditorViewModel.create(Optional.of(new MacroLibrary(stored)), audit(), customers, null, AGENT,
                new CurrentThreadTaskExecutor(), ENGLISH).isEmpty());
        assertTrue(MacroEditorViewModel.create(Optional.of(new MacroLibrary(stored)), audit(), customers, null, SUPERVISOR,
                new CurrentThreadTaskExecutor(), ENGLISH).isPresent(), "a supervisor gets one");
        assertTrue(MacroEditorViewModel.create(Optional.empty(), audit(), customers, null, SUPERVISOR,
                new CurrentThreadTaskExecutor(), ENGLISH).isEmpty(), "no macro library, no editor");
    }

    @Test
    void unknownVariableAndUnbalancedBracesAreRefusedWithAClearMessage() {
        MacroEditorViewModel vm = editor(SUPERVISOR);
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
        assertEquals(before, stored.all().size(), "nothing stored");
        assertTrue(audited.isEmpty(), "nothing audited");
        vm.bodyProperty().set("Hi {customer.firstName}.");
        assertEquals("", vm.problemsProperty().get());
        assertTrue(vm.canSave().get());
    }

    @Test
    void unknownIntentIsRefusedWithTheCloseKnownIds() {
        MacroEditorViewModel vm = editor(SUPERVISOR);
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
    void momentIsLoadedFromTheMacroAndSaved() {
        MacroEditorViewModel vm = editor(SUPERVISOR);
        vm.load();
        assertEquals(Macro.Moment.ANY_TIME, vm.momentProperty().get(), "a new macro may be offered any time");
        assertEquals(List.of(Macro.Moment.ANY_TIME, Macro.Moment.OPENING, Macro.Moment.CLOSING), vm.moments());
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
        assertEquals(Macro.Moment.CLOSING, stored.find(saved.id()).orElseThrow().moment());

        vm.momentProperty().set(Macro.Moment.ANY_TIME);
        vm.save();
        assertEquals(Macro.Moment.ANY_TIME, stored.find(saved.id()).orElseThrow().moment());
        vm.newMacro();
        vm.edit(vm.macros().stream().filter(m -> m.id() == saved.id()).findFirst().orElseThrow());
        assertEquals(Macro.Moment.ANY_TIME, vm.momentProperty().get());
        vm.delete();
        assertTrue(stored.find(saved.id()).isEmpty());
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
        MacroEditorViewModel vm = editor(SUPERVISOR);
        vm.load();
        vm.bodyProperty().set("Hi {customer.firstName}, I am {agent.name}.");
        assertEquals("Hi " + firstNameOfSample(vm) + ", I am Sue Supervisor.", previewText(vm));
        assertEquals("Hi Emma, I am Sue Supervisor.", previewText(vm));
        assertTrue(vm.preview().stream().noneMatch(MacroEditorViewModel.PreviewRun::gap));
        assertTrue(vm.previewForProperty().get().startsWith("Preview for "), vm.previewForProperty().get());
        vm.bodyProperty().set("Hi {customer.firstName}, {customer.name} {card.last4}.");
        assertFalse(previewText(vm).contains("{"), "never raw braces");
    }

    @Test
    void withoutACustomerTheVariablesShowAsGaps() {
        customers = new Customers();
        MacroEditorViewModel vm = editor(SUPERVISOR);
        vm.load();
        vm.bodyProperty().set("Hi {customer.firstName}.");
        assertTrue(vm.preview().stream().anyMatch(MacroEditorViewModel.PreviewRun::gap), vm.preview().toString());
        assertFalse(previewText(vm).contains("{"), "never raw braces");
        assertFalse(vm.previewForProperty().get().startsWith("Preview for "), vm.previewForProperty().get());
    }

    private static String previewText(MacroEditorViewModel vm) {
        return String.join("", vm.preview().stream().map(MacroEditorViewModel.PreviewRun::text).toList());
    }

    private static String firstNameOfSample(MacroEditorViewModel vm) {
        String who = vm.previewForProperty().get(); // "Preview for Emma Clarke (C1001)"
        return who.substring("Preview for ".length()).split(" ")[0];
    }

    /** Macros in memory, numbered as they are stored. */
    static final class Macros implements MacroRepository {
        private final Map<Long, Macro> byId = new LinkedHashMap<>();
        private long next = 1;

        @Override
        public List<Macro> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public Optional<Macro> find(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Macro save(Macro macro) {
            Macro saved = macro.id() == 0 ? new Macro(next++, macro.language(), macro.title(), macro.body(), macro.triggers(),
                    macro.intents(), macro.moment(), macro.enabled()) : macro;
            byId.put(saved.id(), saved);
            return saved;
        }

        @Override
        public void delete(long id) {
            byId.remove(id);
        }

        @Override
        public long count() {
            return byId.size();
        }
    }

    /** Customers in memory. */
    static final class Customers implements CustomerRepository {
        private final Map<String, Customer> byId = new LinkedHashMap<>();

        @Override
        public void save(Customer customer) {
            byId.put(customer.id(), customer);
        }

        @Override
        public Optional<Customer> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<Customer> all() {
            return List.copyOf(byId.values());
        }

        @Override
        public List<Customer> search(String text, int limit) {
            return all().stream().filter(c -> c.name().contains(text) || c.id().contains(text)).limit(limit).toList();
        }

        @Override
        public long count() {
            return byId.size();
        }
    }
}
