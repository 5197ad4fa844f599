package app.tandem.assist;

import java.util.List;

/**
 * A canned response supervisors keep for questions that come up every day. {@code body} may hold
 * variables such as {@code {customer.firstName}} or {@code {card.last4}} (see {@link Placeholders});
 * {@code triggers} are example customer phrasings the macro answers, which is what it is matched on.
 * {@code id} is 0 before it is stored.
 */
public record Macro(long id, String language, String title, String body, List<String> triggers, boolean enabled) {

    public Macro {
        triggers = List.copyOf(triggers);
    }

    /** What the macro is matched on: its title and trigger phrasings. */
    public String matchText() {
        return title + "\n" + String.join("\n", triggers);
    }
}
