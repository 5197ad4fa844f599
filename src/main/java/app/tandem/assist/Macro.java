package app.tandem.assist;

import java.util.List;
import java.util.Objects;

/**
 * A canned response supervisors keep for questions that come up every day. {@code body} may hold
 * variables such as {@code {customer.firstName}} or {@code {card.last4}} (see {@link Placeholders});
 * {@code triggers} are example customer phrasings the macro answers, which is what it is matched on.
 * {@code intents} are the intent ids (Banking77 names, as knowledge-base articles list them) whose
 * questions the macro answers; empty for a greeting or a closing, which answer no question. They say
 * when a macro suggestion was the right reply (evaluation, calibration of the macro curve).
 * {@code moment} says at which stage of a conversation the macro may be offered at all.
 * {@code id} is 0 before it is stored.
 */
public record Macro(long id, String language, String title, String body, List<String> triggers, List<String> intents,
                    Moment moment, boolean enabled) {

    /**
     * When in a conversation a macro may be offered. Matching by meaning alone put the greeting first for vague
     * mid-conversation follow-ups (好，然后呢？ sits close to 你好/在吗 for the sentence encoder), so the stage
     * of the conversation decides before the text does.
     */
    public enum Moment {
        /** Offered only until the agent first replies in the conversation, e.g. a greeting. */
        OPENING,
        /** Offered at any stage; the default. */
        ANY_TIME,
        /** Offered only once the agent has replied at least once, e.g. a closing: there is something to close. */
        CLOSING;

        /** Whether a macro with this moment may be offered at a stage where the agent has (not) replied yet. */
        public boolean fits(boolean agentHasReplied) {
            return switch (this) {
                case OPENING -> !agentHasReplied;
                case ANY_TIME -> true;
                case CLOSING -> agentHasReplied;
            };
        }
    }

    public Macro {
        triggers = List.copyOf(triggers);
        intents = List.copyOf(intents);
        Objects.requireNonNull(moment, "moment");
    }

    /** A greeting or a closing: polite, but no answer to the customer's question. */
    public boolean smallTalk() {
        return moment != Moment.ANY_TIME;
    }

    /** What the macro is matched on: its title and trigger phrasings. */
    public String matchText() {
        return title + "\n" + String.join("\n", triggers);
    }

    /** The same macro switched on or off. */
    public Macro withEnabled(boolean on) {
        return new Macro(id, language, title, body, triggers, intents, moment, on);
    }

    /** The same macro as stored under {@code newId}. */
    public Macro withId(long newId) {
        return new Macro(newId, language, title, body, triggers, intents, moment, enabled);
    }
}
