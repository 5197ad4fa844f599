package app.tandem.assist;

import app.tandem.customer.Customer;
import app.tandem.security.AuditLog;
import app.tandem.security.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Supervisors keep the macros: create, edit, switch on and off, delete. Every change is checked
 * ({@link MacroCheck}), goes through the library (so suggestions use it from the next customer turn),
 * and is written to the audit log as KB edits are. Agents may read, never change.
 */
public final class MacroCuration {

    private final MacroLibrary library;
    private final AuditLog audit;
    private final Set<String> knownIntents;

    /** {@code knownIntents}: the intent ids a macro may say it answers. */
    public MacroCuration(MacroLibrary library, AuditLog audit, Set<String> knownIntents) {
        this.library = library;
        this.audit = audit;
        this.knownIntents = Set.copyOf(knownIntents);
    }

    /** A change that breaks a rule; {@code problems} says which, for the editor to show in the person's words. */
    public static final class InvalidMacroException extends IllegalArgumentException {
        private final List<MacroCheck.Problem> problems;

        InvalidMacroException(List<MacroCheck.Problem> problems) {
            super("The macro cannot be saved: " + problems);
            this.problems = List.copyOf(problems);
        }

        public List<MacroCheck.Problem> problems() {
            return problems;
        }
    }

    public List<Macro> all() {
        return library.all();
    }

    /** Creates (id 0) or updates a macro; refused with the problems when it is not valid. */
    public Macro save(Macro macro, User by) {
        requireCurator(by);
        List<MacroCheck.Problem> problems = MacroCheck.of(macro, knownIntents);
        if (!problems.isEmpty()) {
            throw new InvalidMacroException(problems);
        }
        Macro clean = new Macro(macro.id(), macro.language(), macro.title().strip(), macro.body().strip(),
                macro.triggers().stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList(),
                macro.intents().stream().distinct().toList(), macro.moment(), macro.enabled());
        Macro saved = library.save(clean);
        audit.record(by.username(), macro.id() == 0 ? "macro.create" : "macro.update", "macro:" + saved.id(),
                saved.language() + " \"" + saved.title() + "\"" + (saved.enabled() ? "" : " (off)")
                        + (saved.intents().isEmpty() ? "" : " answers " + String.join(",", saved.intents()))
                        + (saved.moment() == Macro.Moment.ANY_TIME ? "" : " offered " + saved.moment()));
        return saved;
    }

    /** Switches a macro on or off without touching its text; off macros are never suggested. */
    public Macro setEnabled(Macro macro, boolean enabled, User by) {
        requireCurator(by);
        Macro saved = library.save(macro.withEnabled(enabled));
        audit.record(by.username(), enabled ? "macro.enable" : "macro.disable", "macro:" + saved.id(), saved.title());
        return saved;
    }

    public void delete(Macro macro, User by) {
        requireCurator(by);
        library.delete(macro.id());
        audit.record(by.username(), "macro.delete", "macro:" + macro.id(), macro.language() + " \"" + macro.title() + "\"");
    }

    /**
     * The body as an agent would see it for {@code sample}: variables filled from the profile, the
     * rest marked as gaps (never raw braces).
     */
    public static Placeholders.Filled preview(String body, Optional<Customer> sample, String agentName) {
        return Placeholders.fill(body == null ? "" : body, SlotValues.of(sample, Map.of(), agentName));
    }

    private static void requireCurator(User by) {
        if (!by.mayEditKnowledgeBase()) {
            throw app.tandem.kb.curation.NotPermittedException.changeMacros();
        }
    }
}
