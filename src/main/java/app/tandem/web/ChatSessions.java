package app.tandem.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The browsers chatting with the desk, by the random value of their session cookie. Kept in memory: a restart of
 * the server ends the sessions (the conversations stay in the queue for the agents).
 */
final class ChatSessions {

    private final SecureRandom random = new SecureRandom();
    private final Map<String, ChatSession> byToken = new ConcurrentHashMap<>();

    /** A new session; returns its cookie value (256 random bits, so one cannot be guessed). */
    String open(ChatSession session) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, session);
        return token;
    }

    Optional<ChatSession> find(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
    }
}
