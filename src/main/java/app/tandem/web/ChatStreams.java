package app.tandem.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The open event streams, by conversation: a customer may have the page open in more than one tab. */
final class ChatStreams {

    private final Map<Long, Set<ChatStream>> byConversation = new ConcurrentHashMap<>();

    void add(ChatStream stream) {
        byConversation.computeIfAbsent(stream.conversationId(), id -> ConcurrentHashMap.newKeySet()).add(stream);
    }

    void remove(ChatStream stream) {
        byConversation.computeIfPresent(stream.conversationId(), (id, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    boolean watched(long conversationId) {
        return byConversation.containsKey(conversationId);
    }

    void each(long conversationId, Consumer<ChatStream> action) {
        byConversation.getOrDefault(conversationId, Set.of()).forEach(action);
    }

    void all(Consumer<ChatStream> action) {
        byConversation.values().forEach(streams -> streams.forEach(action));
    }
}
