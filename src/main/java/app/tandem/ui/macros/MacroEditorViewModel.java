package app.tandem.ui.macros;

import app.tandem.assist.Macro;
import app.tandem.assist.MacroCheck;
import app.tandem.assist.MacroCuration;
import app.tandem.assist.MacroLibrary;
import app.tandem.assist.Placeholders;
import app.tandem.customer.Customer;
import app.tandem.customer.CustomerRepository;
import app.tandem.security.AuditLog;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The supervisors' Macros tab: the list of macros and the form of the one being edited, checked as the
 * supervisor types (unknown variables, unbalanced braces) and previewed for a sample customer with the
 * missing values marked as agents would see them. The intents a macro answers are typed as ids,
 * comma-separated, and checked against the intents the desk has names for. The moment says when the macro
 * may be offered (only to open a conversation, only to close it, any time). Saves, switches and deletes
 * run off the UI thread.
 */
public final class MacroEditorViewModel {

    public enum State { IDLE, WORKING, ERROR }

    /** A piece of the preview: plain text, or a gap (a variable without a value) to highlight. */
    public record PreviewRun(String text, boolean gap) {}

    private final MacroCuration curation;
    private final CustomerRepository customers;
    private final User user;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Set<String> knownIntents;

    private final ObservableList<Macro> macros = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Macro> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObjectProperty<String> language = new SimpleObjectProperty<>(this, "language", "en");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final StringProperty triggers = new SimpleStringProperty(this, "triggers", "");
    private final StringProperty intents = new SimpleStringProperty(this, "intents", "");
    private final ReadOnlyStringWrapper intentNames = new ReadOnlyStringWrapper(this, "intentNames", "");
    private final ObjectProperty<Macro.Moment> moment = new SimpleObjectProperty<>(this, "moment", Macro.Moment.ANY_TIME);
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ObservableList<PreviewRun> preview = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper previewFor = new ReadOnlyStringWrapper(this, "previewFor", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private Optional<Customer> sample = Optional.empty();

    /** {@code knownIntents}: the intent ids a macro may name (the curation refuses any other, too). */
    public MacroEditorViewModel(MacroCuration curation, CustomerRepository customers, User user, TaskExecutor tasks,
                                Executor io, Texts texts, Set<String> knownIntents) {
        this.curation = curation;
        this.customers = customers;
        this.user = user;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.knownIntents = Set.copyOf(knownIntents);
        title.addListener((o, a, b) -> check());
        language.addListener((o, a, b) -> check());
        intents.addListener((o, a, b) -> {
            check();
            nameIntents();
        });
        body.addListener((o, a, b) -> {
            check();
            refreshPreview();
        });
        previewFor.set(texts.get("macros.preview.noCustomer"));
        newMacro();
    }

    /** Only people who may curate get the tab; agents never see it. */
    public static Optional<MacroEditorViewModel> create(Optional<MacroLibrary> macros, AuditLog audit, CustomerRepository customers,
                                                        ExecutorService io, User user, TaskExecutor tasks, Texts texts) {
        if (!user.mayEditKnowledgeBase()) {
            return Optional.empty();
        }
        // The intents the desk has names for: Banking77's, as knowledge-base articles list them, and compromised_account.
        Set<String> knownIntents = Set.copyOf(texts.knownIntents());
        return macros.map(library -> new MacroEditorViewModel(
                new MacroCuration(library, audit, knownIntents), customers, user, tasks, io, texts, knownIntents));
    }

    /** Loads the list and a sample customer for the preview. */
    public void load() {
        tasks.execute(texts.get("activity.macros"), io, curation::all, this::listLoaded, this::failed);
        tasks.execute(texts.get("activity.macros"), io, this::pickSample, found -> {
            sample = found;
            found.ifPresent(c -> previewFor.set(texts.format("macros.preview.for", c.name(), c.id())));
            refreshPreview();
        }, this::failed);
    }

    /**
     * A customer with exactly one card shows every profile variable filled; without one, the first
     * customer (card variables then show as gaps, as they would for the agent).
     */
    private Optional<Customer> pickSample() {
        List<Customer> all = customers.all();
        return all.stream().filter(c -> c.cards().size() == 1).findFirst().or(() -> all.stream().findFirst());
    }

    /** The form is left alone: it may hold text the supervisor has not saved yet. */
    private void listLoaded(List<Macro> loaded) {
        macros.setAll(loaded);
    }

    /** Opens {@code macro} in the form. */
    public void edit(Macro macro) {
        if (macro != null) {
            show(macro);
            message.set("");
        }
    }

    private void show(Macro macro) {
        editing.set(macro);
        title.set(macro.title());
        language.set(macro.language());
        body.set(macro.body());
        triggers.set(String.join("\n", macro.triggers()));
        intents.set(String.join(", ", macro.intents()));
        moment.set(macro.moment());
        enabled.set(macro.enabled());
        state.set(State.IDLE);
    }

    /** An empty form for a new macro. */
    public void newMacro() {
        show(new Macro(0, "en", "", "", List.of(), List.of(), Macro.Moment.ANY_TIME, true));
        message.set("");
    }

    /** Puts {@code {variable}} at {@code caret} in the body; returns the caret after it. */
    public int insertVariable(String variable, int caret) {
        String text = body.get();
        int at = Math.max(0, Math.min(caret, text.length()));
        String inserted = "{" + variable + "}";
        body.set(text.substring(0, at) + inserted + text.substring(at));
        return at + inserted.length();
    }

    public void save() {
        Macro draft = draft();
        List<MacroCheck.Problem> found = MacroCheck.of(draft, knownIntents);
        if (!found.isEmpty()) {
            problems.set(describe(found));
            state.set(State.ERROR);
            return;
        }
        state.set(State.WORKING);
        tasks.execute(texts.get("activity.macros"), io, () -> curation.save(draft, user), saved -> {
            editing.set(saved);
            state.set(State.IDLE);
            message.set(texts.format(draft.id() == 0 ? "macros.created" : "macros.saved", saved.title()));
            reload();
        }, this::failed);
    }

    /** Switches the macro in the form on or off at once (a saved one), keeping any unsaved text in the form. */
    public void setEnabled(boolean on) {
        Macro current = editing.get();
        enabled.set(on);
        if (current == null || current.id() == 0 || current.enabled() == on) {
            return;
        }
        state.set(State.WORKING);
        tasks.execute(texts.get("activity.macros"), io, () -> curation.setEnabled(current, on, user), saved -> {
            editing.set(saved);
            state.set(State.IDLE);
            message.set(texts.format(on ? "macros.enabled" : "macros.disabled", saved.title()));
            reload();
        }, this::failed);
    }

    public void delete() {
        Macro current = editing.get();
        if (current == null || current.id() == 0) {
            newMacro();
            return;
        }
        state.set(State.WORKING);
        tasks.execute(texts.get("activity.macros"), io, () -> {
            curation.delete(current, user);
            return current;
        }, gone -> {
            state.set(State.IDLE);
            newMacro();
            message.set(texts.format("macros.deleted", gone.title()));
            reload();
        }, this::failed);
    }

    private void reload() {
        tasks.execute(texts.get("activity.macros"), io, curation::all, this::listLoaded, this::failed);
    }

    private Macro draft() {
        Macro current = editing.get();
        List<String> phrasings = new ArrayList<>(Arrays.stream(triggers.get().split("\n")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList());
        return new Macro(current == null ? 0 : current.id(), language.get(), title.get(), body.get(), phrasings,
                intentIds(intents.get()), moment.get() == null ? Macro.Moment.ANY_TIME : moment.get(), enabled.get());
    }

    /** The ids typed in the intents field: separated by commas (ASCII or Chinese), semicolons or spaces. */
    static List<String> intentIds(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,，、;；\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** The known intents typed, by their names in the desk's language, so a supervisor sees what the ids mean. */
    private void nameIntents() {
        List<String> names = intentIds(intents.get()).stream().filter(knownIntents::contains).map(texts::intentName).toList();
        intentNames.set(names.isEmpty() ? "" : texts.format("macros.intents.names", String.join(", ", names)));
    }

    private void check() {
        List<MacroCheck.Problem> found = new ArrayList<>(MacroCheck.body(body.get() == null ? "" : body.get()));
        found.addAll(MacroCheck.intents(intentIds(intents.get()), knownIntents));
        problems.set(describe(found));
        if (state.get() == State.ERROR && found.isEmpty()) {
            state.set(State.IDLE);
        }
    }

    private String describe(List<MacroCheck.Problem> found) {
        List<String> lines = new ArrayList<>();
        for (MacroCheck.Problem p : found) {
            lines.add(switch (p.kind()) {
                case UNKNOWN_VARIABLE -> texts.format("macros.problem.unknownVariable", p.detail(),
                        String.join(", ", Placeholders.known().stream().map(v -> "{" + v + "}").toList()));
                case UNBALANCED_BRACES -> texts.format("macros.problem.braces", p.detail());
                case EMPTY_TITLE -> texts.get("macros.problem.title");
                case EMPTY_BODY -> texts.get("macros.problem.body");
                case UNKNOWN_LANGUAGE -> texts.format("macros.problem.language", p.detail());
                case UNKNOWN_INTENT -> texts.format("macros.problem.unknownIntent", p.detail(), closestIntents(p.detail()));
            });
        }
        return String.join("\n", lines.stream().distinct().toList());
    }

    /**
     * Known ids that share the most words with a mistyped one (so "lost_card" suggests
     * lost_or_stolen_card), three at most; a few everyday ones when none shares a word.
     */
    private String closestIntents(String typed) {
        Set<String> words = idWords(typed);
        List<String> close = knownIntents.stream()
                .filter(id -> shared(id, words) > 0)
                .sorted(Comparator.comparingLong((String id) -> -shared(id, words)).thenComparing(Comparator.naturalOrder()))
                .limit(3).toList();
        return String.join(", ", close.isEmpty() ? List.of("lost_or_stolen_card", "card_arrival", "pending_transfer") : close);
    }

    private static long shared(String id, Set<String> words) {
        return idWords(id).stream().filter(words::contains).count();
    }

    private static Set<String> idWords(String id) {
        return Set.copyOf(Arrays.asList(id.toLowerCase(Locale.ROOT).split("[_\\W]+")));
    }

    private void refreshPreview() {
        String filled = texts.localGaps(MacroCuration.preview(body.get(), sample, user.displayName()).text());
        List<PreviewRun> runs = new ArrayList<>();
        int from = 0;
        while (from < filled.length()) {
            int open = filled.indexOf(Placeholders.OPEN, from);
            int close = open < 0 ? -1 : filled.indexOf(Placeholders.CLOSE, open);
            if (open < 0 || close < 0) {
                runs.add(new PreviewRun(filled.substring(from), false));
                break;
            }
            if (open > from) {
                runs.add(new PreviewRun(filled.substring(from, open), false));
            }
            runs.add(new PreviewRun(filled.substring(open, close + 1), true));
            from = close + 1;
        }
        preview.setAll(runs);
    }

    private void failed(Throwable e) {
        state.set(State.ERROR);
        if (e instanceof MacroCuration.InvalidMacroException invalid) {
            problems.set(describe(invalid.problems()));
        } else {
            message.set(texts.format("macros.failed", texts.failure(e)));
        }
    }

    // --- properties ----------------------------------------------------------------------------

    public ObservableList<Macro> macros() {
        return macros;
    }

    public ReadOnlyObjectProperty<Macro> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<String> languageProperty() {
        return language;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public StringProperty triggersProperty() {
        return triggers;
    }

    /** The intents the macro answers, as typed: ids separated by commas. */
    public StringProperty intentsProperty() {
        return intents;
    }

    /** "Answers: Lost or stolen card, …" for the known ids typed; empty when there are none. */
    public ReadOnlyStringProperty intentNamesProperty() {
        return intentNames.getReadOnlyProperty();
    }

    /** When the macro may be offered: only to open a conversation, only to close it, or any time. */
    public ObjectProperty<Macro.Moment> momentProperty() {
        return moment;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ObservableList<PreviewRun> preview() {
        return preview;
    }

    public ReadOnlyStringProperty previewForProperty() {
        return previewFor.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True while the form can be saved: nothing wrong with it and no save running. */
    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> problems.get().isEmpty() && !title.get().isBlank()
                && !body.get().isBlank() && state.get() != State.WORKING, problems, title, body, state);
    }

    public List<String> variables() {
        return Placeholders.known();
    }

    public List<String> languages() {
        return MacroCheck.LANGUAGES;
    }

    /** The moments in the order a supervisor reads them: the everyday choice first. */
    public List<Macro.Moment> moments() {
        return List.of(Macro.Moment.ANY_TIME, Macro.Moment.OPENING, Macro.Moment.CLOSING);
    }
}
