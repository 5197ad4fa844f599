package app.tandem.assist;

import java.util.List;

/**
 * A canned response supervisors keep for questions that come up every day. {@code body} may hold
 * variables such as {@code {customer.firstName}} or {@code {card.last4}} (see {@link Placeholders});
 * {@code triggers} are example customer phrasings the macro answers, which is what it is matched on.
 * {@code intents} are the intent ids (Banking77 names, as knowledge-base articles list them) whose
 * questions the macro answers; empty for a greeting or a closing, which answer no question. They say
 * when a macro suggestion was the right reply (evaluation, calibration of the macro curve).
 * {@code id} is 0 before it is stored.
 */
public record Macro(long id, String language, String title, String body, List<String> triggers, List<String> intents,
                    boolean enabled) {

    public Macro {
        triggers = List.copyOf(triggers);
        intents = List.copyOf(intents);
    }

    /** What the macro is matched on: its title and trigger phrasings. */
    public String matchText() {
        return title + "\n" + String.join("\n", triggers);
    }

    /** The same macro switched on or off. */
    public Macro withEnabled(boolean on) {
        return new Macro(id, language, title, body, triggers, intents, on);
    }

    /** The same macro as stored under {@code newId}. */
    public Macro withId(long newId) {
        return new Macro(newId, language, title, body, triggers, intents, enabled);
    }
}
