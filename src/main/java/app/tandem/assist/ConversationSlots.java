package app.tandem.assist;

import app.tandem.conversation.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values a conversation has given so far, by variable name ({@code card.last4}, …), for filling
 * macros. Entity extraction plugs in here; {@link SimpleSlots} is the built-in pattern matcher.
 * Implementations must accept any text (very long, emoji, mixed language) and never throw on it.
 */
@FunctionalInterface
public interface ConversationSlots {

    /** Slot values found in the turns; later turns win over earlier ones. */
    Map<String, String> slots(List<Message> turns);

    /** None at all. */
    static ConversationSlots none() {
        return turns -> Map.of();
    }

    /** This source's values, with {@code other}'s where it has them (the other one wins). */
    default ConversationSlots and(ConversationSlots other) {
        return turns -> {
            Map<String, String> merged = new HashMap<>(slots(turns));
            merged.putAll(other.slots(turns));
            return merged;
        };
    }
}
