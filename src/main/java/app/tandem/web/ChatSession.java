package app.tandem.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One browser's conversation, found by its session cookie. It remembers the page's ids for its latest turns, so a
 * turn the page sends again after losing the answer is answered with the stored turn instead of being stored twice.
 */
final class ChatSession {

    /** More than a page ever has in flight; older ids are forgotten. */
    private static final int REMEMBERED_TURNS = 64;

    private final long conversationId;
    private final ChatLanguage language;
    private final Map<String, Integer> storedTurns = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_TURNS;
        }
    };

    ChatSession(long conversationId, ChatLanguage language) {
        this.conversationId = conversationId;
        this.language = language;
    }

    long conversationId() {
        return conversationId;
    }

    ChatLanguage language() {
        return language;
    }

    synchronized Optional<Integer> storedTurn(String turnId) {
        return Optional.ofNullable(storedTurns.get(turnId));
    }

    synchronized void stored(String turnId, int seq) {
        storedTurns.put(turnId, seq);
    }
}
