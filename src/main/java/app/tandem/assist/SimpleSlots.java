package app.tandem.assist;

import app.tandem.conversation.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slots a pattern can find in what the customer wrote: the last four digits of a card ("ending
 * 4821", "card ending in 4821", "last four are 4821", "尾号4821"). Reads customer turns only, so an
 * agent quoting a number does not count as the customer confirming it.
 */
public final class SimpleSlots implements ConversationSlots {

    /** Only this much of a turn is scanned: a pasted document must not stall suggestions. */
    static final int MAX_SCAN = 4000;
    private static final Pattern LAST4 = Pattern.compile(
            "(?iu)(?:ending(?:\\s+(?:in|with))?|ends\\s+(?:in|with)|last\\s+(?:4|four)(?:\\s+digits)?(?:\\s+(?:are|is))?|尾号(?:是|为)?|末四位(?:是|为)?)"
                    + "\\s*[:#]?\\s*(\\d{4})(?!\\d)");

    @Override
    public Map<String, String> slots(List<Message> turns) {
        Map<String, String> found = new HashMap<>();
        for (Message m : turns) {
            if (!m.fromCustomer()) {
                continue;
            }
            String text = m.text().length() > MAX_SCAN ? m.text().substring(0, MAX_SCAN) : m.text();
            Matcher last4 = LAST4.matcher(text);
            while (last4.find()) {
                found.put("card.last4", last4.group(1));
            }
        }
        return found;
    }
}
