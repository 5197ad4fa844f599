package app.tandem.web;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;

/**
 * One open event stream to a customer's page. It sends each turn once and in order: the turns after the page's
 * last one first, then the new ones as the feed brings them; one the page already has is not sent again.
 */
final class ChatStream {

    private final long conversationId;
    private final SseClient client;
    private final ChatRequests json;
    /** The highest turn number the page has. */
    private int lastSeq;
    private boolean closedSent;

    ChatStream(long conversationId, SseClient client, ChatRequests json, int after) {
        this.conversationId = conversationId;
        this.client = client;
        this.json = json;
        this.lastSeq = after;
    }

    long conversationId() {
        return conversationId;
    }

    synchronized void send(List<Message> turns) {
        for (Message turn : turns) {
            send(turn);
        }
    }

    synchronized void send(Message turn) {
        if (turn.seq() <= lastSeq || client.terminated()) {
            return;
        }
        // The turn number is the event's id: a browser that reconnects by itself says it back as Last-Event-ID.
        client.sendEvent("turn", json.write(Map.of("seq", turn.seq(),
                "author", turn.author() == Author.AGENT ? "agent" : "customer", "text", turn.text())),
                Integer.toString(turn.seq()));
        lastSeq = turn.seq();
    }

    synchronized void closed() {
        if (!closedSent && !client.terminated()) {
            client.sendEvent("closed", "{}");
            closedSent = true;
        }
    }

    /** Ends the stream: the server is stopping (the page reconnects after the last turn it has). */
    void end() {
        client.close();
    }

    /** A comment line: keeps proxies and Jetty's idle timeout from dropping a quiet stream. */
    synchronized void ping() {
        if (!client.terminated()) {
            client.sendComment("ping");
        }
    }
}
