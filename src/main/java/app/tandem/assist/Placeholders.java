package app.tandem.assist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables in macros: {@code {customer.firstName}}, {@code {customer.name}}, {@code {card.last4}},
 * {@code {card.type}}, {@code {agent.name}}. A variable without a value is never left as raw braces:
 * it becomes a marked gap such as "⟨card last 4⟩" that the agent sees highlighted, and that
 * {@link ReplyService} refuses to send until it is filled in.
 */
public final class Placeholders {

    public static final String OPEN = "⟨";
    public static final String CLOSE = "⟩";
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-zA-Z]+\\.[a-zA-Z0-9]+)}");
    private static final Pattern GAP = Pattern.compile(OPEN + "[^" + CLOSE + "]{1,40}" + CLOSE);

    private static final Map<String, String> LABELS = Map.of(
            "customer.firstName", "customer first name",
            "customer.name", "customer name",
            "card.last4", "card last 4",
            "card.type", "card type",
            "agent.name", "agent name");

    private Placeholders() {}

    /** The variables a macro may use, in the order supervisors see them offered. */
    public static List<String> known() {
        return List.of("customer.firstName", "customer.name", "card.last4", "card.type", "agent.name");
    }

    /** A macro body with its variables filled in; {@code missing} names the ones that had no value. */
    public record Filled(String text, List<String> missing) {
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    public static Filled fill(String template, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        Set<String> missing = new LinkedHashSet<>();
        while (m.find()) {
            String name = m.group(1);
            String value = values.get(name);
            String replacement;
            if (value == null || value.isBlank()) {
                missing.add(name);
                replacement = gap(name);
            } else {
                replacement = value.strip();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Filled(out.toString(), List.copyOf(missing));
    }

    /** The marked gap shown for a variable with no value. */
    public static String gap(String variable) {
        return OPEN + LABELS.getOrDefault(variable, variable) + CLOSE;
    }

    /** Gaps and raw variables still in a text the agent is about to send, in order. */
    public static List<String> unfilled(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        Matcher gaps = GAP.matcher(text);
        while (gaps.find()) {
            found.add(gaps.group());
        }
        Matcher raw = VARIABLE.matcher(text);
        while (raw.find()) {
            found.add(raw.group());
        }
        return found;
    }

    /** The names of the variables a template uses. */
    public static List<String> variables(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return List.copyOf(names);
    }
}
