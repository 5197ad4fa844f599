package app.tandem.assist;

import app.tandem.conversation.Message;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An extractive summary for closing a conversation: the customer's first question (the issue), the
 * suggestions the agent used (actions, articles), and the agent's last substantive reply (the
 * resolution). Nothing is generated, so nothing is invented. {@link #parts} gives the pieces for the desk
 * to lay out in the agent's language; {@link #of} lays them out in English.
 */
public final class ConversationSummary {

    static final int MAX_PART = 240;
    /** Agent turns shorter than this, or pleasantries, are not a resolution. */
    static final int MIN_SUBSTANTIVE = 25;
    private static final List<String> PLEASANTRIES = List.of("anything else", "have a good", "you're welcome", "any time",
            "thank you for contacting", "还有其他", "不客气");

    private ConversationSummary() {}

    /**
     * The pieces of a summary, each already shortened.
     *
     * @param issue       the customer's first message; "" when the customer said nothing
     * @param macros      ids of the macros the agent used
     * @param pastReplies ids of the past replies the agent used
     * @param resolution  the agent's last substantive reply; "" when there was none
     * @param articles    ids of the articles the agent used
     */
    public record Parts(String issue, List<String> macros, List<String> pastReplies, String resolution, List<String> articles) {

        public Parts {
            macros = List.copyOf(macros);
            pastReplies = List.copyOf(pastReplies);
            articles = List.copyOf(articles);
        }

        /** Laid out in English: "Issue: …", "Actions: used macro #3", "Resolution: …", "Articles used: …". */
        public String english() {
            StringBuilder out = new StringBuilder();
            out.append("Issue: ").append(issue.isBlank() ? "(no customer message)" : issue);
            List<String> actions = new java.util.ArrayList<>();
            macros.forEach(id -> actions.add("macro #" + id));
            pastReplies.forEach(id -> actions.add("past reply #" + id));
            if (!actions.isEmpty()) {
                out.append("\nActions: used ").append(String.join(", ", actions));
            }
            out.append("\nResolution: ").append(resolution.isBlank() ? "(no substantive reply)" : resolution);
            if (!articles.isEmpty()) {
                out.append("\nArticles used: ").append(String.join(", ", articles));
            }
            return out.toString();
        }
    }

    public static String of(List<Message> turns, List<SuggestionLog.Logged> suggestions) {
        return parts(turns, suggestions).english();
    }

    public static Parts parts(List<Message> turns, List<SuggestionLog.Logged> suggestions) {
        String issue = turns.stream().filter(Message::fromCustomer).map(Message::text).findFirst().orElse("");
        String resolution = "";
        for (int i = turns.size() - 1; i >= 0; i--) {
            Message m = turns.get(i);
            String lower = m.text().toLowerCase(Locale.ROOT);
            if (!m.fromCustomer() && m.text().length() >= MIN_SUBSTANTIVE && PLEASANTRIES.stream().noneMatch(lower::contains)) {
                resolution = m.text();
                break;
            }
        }
        Set<String> articles = new LinkedHashSet<>();
        Set<String> macros = new LinkedHashSet<>();
        Set<String> pastReplies = new LinkedHashSet<>();
        for (SuggestionLog.Logged s : suggestions) {
            boolean used = s.action() == SuggestionAction.ACCEPTED || s.action() == SuggestionAction.EDITED;
            if (!used) {
                continue;
            }
            switch (s.source()) {
                case ARTICLE -> articles.add(s.sourceRef());
                case MACRO -> macros.add(s.sourceRef().replace("macro:", ""));
                case HISTORY -> pastReplies.add(s.sourceRef().replace("reply:", ""));
            }
        }
        return new Parts(issue.isBlank() ? "" : cut(issue), List.copyOf(macros), List.copyOf(pastReplies),
                resolution.isBlank() ? "" : cut(resolution), List.copyOf(articles));
    }

    private static String cut(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() > MAX_PART ? one.substring(0, MAX_PART - 1) + "…" : one;
    }
}
