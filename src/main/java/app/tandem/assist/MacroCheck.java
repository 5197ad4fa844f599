package app.tandem.assist;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What is wrong with a macro body before it may be saved. A body is sent to customers with its
 * variables filled in, so anything in braces that is not a known variable would reach the customer
 * as raw braces: it is refused here, while the supervisor is still writing it.
 */
public final class MacroCheck {

    /** One problem; {@code detail} is the offending text (a variable) or the 1-based position of a brace. */
    public record Problem(Kind kind, String detail) {}

    public enum Kind {
        /** A "{" without its "}", a "}" without its "{", or a brace inside braces. */
        UNBALANCED_BRACES,
        /** Braces around a name that is not one of {@link Placeholders#known()}. */
        UNKNOWN_VARIABLE,
        EMPTY_TITLE,
        EMPTY_BODY,
        /** Language is neither "en" nor "zh": suggestions are matched per language. */
        UNKNOWN_LANGUAGE,
        /**
         * An intent id that is not one of the known intents: a misspelt id would never match a customer's
         * question, and the macro would silently count as wrong for every one.
         */
        UNKNOWN_INTENT
    }

    public static final List<String> LANGUAGES = List.of("en", "zh");

    private MacroCheck() {}

    /**
     * Every problem of the macro, in reading order; empty when it may be saved. {@code knownIntents}: the
     * intent ids a macro may name (those the desk has names for, as knowledge-base articles list them).
     */
    public static List<Problem> of(Macro macro, Collection<String> knownIntents) {
        List<Problem> problems = new ArrayList<>();
        if (macro.title() == null || macro.title().isBlank()) {
            problems.add(new Problem(Kind.EMPTY_TITLE, ""));
        }
        if (!LANGUAGES.contains(macro.language())) {
            problems.add(new Problem(Kind.UNKNOWN_LANGUAGE, String.valueOf(macro.language())));
        }
        if (macro.body() == null || macro.body().isBlank()) {
            problems.add(new Problem(Kind.EMPTY_BODY, ""));
        } else {
            problems.addAll(body(macro.body()));
        }
        problems.addAll(intents(macro.intents(), knownIntents));
        return problems;
    }

    /** One problem per intent id that is not known (ids are compared as written: Banking77 has "Refund_not_showing_up"). */
    public static List<Problem> intents(List<String> intents, Collection<String> knownIntents) {
        return intents.stream().filter(id -> !knownIntents.contains(id)).distinct()
                .map(id -> new Problem(Kind.UNKNOWN_INTENT, id)).toList();
    }

    /** Brace and variable problems of a body alone (what the editor checks as the supervisor types). */
    public static List<Problem> body(String body) {
        List<Problem> problems = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                if (open >= 0) {
                    problems.add(new Problem(Kind.UNBALANCED_BRACES, String.valueOf(open + 1)));
                }
                open = i;
            } else if (c == '}') {
                if (open < 0) {
                    problems.add(new Problem(Kind.UNBALANCED_BRACES, String.valueOf(i + 1)));
                    continue;
                }
                String name = body.substring(open + 1, i).strip();
                if (!Placeholders.known().contains(name)) {
                    problems.add(new Problem(Kind.UNKNOWN_VARIABLE, "{" + body.substring(open + 1, i) + "}"));
                }
                open = -1;
            }
        }
        if (open >= 0) {
            problems.add(new Problem(Kind.UNBALANCED_BRACES, String.valueOf(open + 1)));
        }
        return problems;
    }
}
