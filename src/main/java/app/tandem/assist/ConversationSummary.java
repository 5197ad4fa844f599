package app.tandem.assist;

import app.tandem.conversation.Message;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An extractive summary for closing a conversation: the customer's first question (the issue), the
 * suggestions the agent used (actions, articles), and the agent's last substantive reply (the
 * resolution). Nothing is generated, so nothing is invented.
 */
public final class ConversationSummary {

    static final int MAX_PART = 240;
    /** Agent turns shorter than this, or pleasantries, are not a resolution. */
    static final int MIN_SUBSTANTIVE = 25;
    private static final List<String> PLEASANTRIES = List.of("anything else", "have a good", "you're welcome", "any time",
            "thank you for contacting", "还有其他", "不客气");

    private ConversationSummary() {}

    public static String of(List<Message> turns, List<SuggestionLog.Logged> suggestions) {
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
        Set<String> actions = new LinkedHashSet<>();
        for (SuggestionLog.Logged s : suggestions) {
            boolean used = s.action() == SuggestionAction.ACCEPTED || s.action() == SuggestionAction.EDITED;
            if (!used) {
                continue;
            }
            switch (s.source()) {
                case ARTICLE -> articles.add(s.sourceRef());
                case MACRO -> actions.add("macro " + s.sourceRef().replace("macro:", "#"));
                case HISTORY -> actions.add("past reply " + s.sourceRef().replace("reply:", "#"));
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("Issue: ").append(cut(issue.isBlank() ? "(no customer message)" : issue));
        if (!actions.isEmpty()) {
            out.append("\nActions: used ").append(String.join(", ", actions));
        }
        out.append("\nResolution: ").append(resolution.isBlank() ? "(no substantive reply)" : cut(resolution));
        if (!articles.isEmpty()) {
            out.append("\nArticles used: ").append(String.join(", ", articles));
        }
        return out.toString();
    }

    private static String cut(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() > MAX_PART ? one.substring(0, MAX_PART - 1) + "…" : one;
    }
}
