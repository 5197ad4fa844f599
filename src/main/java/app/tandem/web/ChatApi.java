package app.tandem.web;

import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.security.IntegrationTokens;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API for chat platforms that already talk to the bank's customers (issue 18): the platform opens a conversation
 * with the customer's first message, forwards each further one, and follows an event stream for the agents' replies
 * and the close. Every request carries a bearer token of {@link IntegrationTokens}; an integration reaches only the
 * conversations it opened. Described for the platforms' developers in {@code docs/api/openapi.yaml}.
 */
final class ChatApi {

    /** Method and path of every route, as {@code docs/api/openapi.yaml} names them. */
    static final List<String> ROUTES = List.of(
            "POST /api/v1/conversations",
            "POST /api/v1/conversations/{id}/messages",
            "GET /api/v1/conversations/{id}/events");
    private static final String INTEGRATION = "tandem.integration";

    private final ConversationService conversations;
    private final IntegrationTokens tokens;
    private final ChatStreams streams;
    private final ChatRequests requests;
    /** The page's limits, per conversation: a platform forwards many customers from one address. */
    private final TurnLimits limits = new TurnLimits(System::nanoTime);

    ChatApi(ConversationService conversations, IntegrationTokens tokens, ChatStreams streams, ChatRequests requests) {
        this.conversations = conversations;
        this.tokens = tokens;
        this.streams = streams;
        this.requests = requests;
    }

    // ---- The API's routes: nothing else under /api/v1 -------------------------------------------------------------
    void register(RoutesConfig routes) {
        routes.before("/api/v1/*", this::authorise);
        routes.post("/api/v1/conversations", this::open);
        routes.post("/api/v1/conversations/{id}/messages", this::turn);
        routes.before("/api/v1/conversations/{id}/events", this::owned);
        routes.sse("/api/v1/conversations/{id}/events", this::stream);
    }
    // -----------------------------------------------------------------------------------------------------------------

    private void authorise(Context ctx) {
        String integration = tokens.check(ctx.header("Authorization"), ctx.method() + " " + shortened(ctx.path()), ctx.ip())
                .orElseThrow(() -> new ChatRefusal(401, "unauthorized",
                        "This request needs a valid API token in an Authorization: Bearer header; ask an admin of the office for one."));
        ctx.attribute(INTEGRATION, integration);
    }

    private void open(Context ctx) {
        CustomerChat.requireJson(ctx);
        ChatRequests.Opening opening = requests.opening(ctx.bodyAsBytes());
        String integration = ctx.attribute(INTEGRATION);
        // As on the page, the number the customer gives is shown to the agent, not linked to a profile.
        String title = integration + " \u00b7 " + opening.customerReference()
                + opening.customerNumber().map(n -> " \u00b7 says customer " + n).orElse("");
        Conversation conversation = conversations.open(Optional.empty(), Channel.CHAT, title);
        tokens.opened(integration, conversation.id(), opening.customerReference());
        Message first = conversations.receiveFromCustomer(conversation.id(), opening.text()).orElseThrow();
        answer(ctx, 201, Map.of("id", conversation.id(), "language", opening.language().tag(), "seq", first.seq()));
    }

    private void turn(Context ctx) {
        CustomerChat.requireJson(ctx);
        long id = owned(ctx);
        ChatRequests.Turn turn = requests.turn(ctx.bodyAsBytes());
        if (!limits.allow("conversation:" + id)) {
            throw new ChatRefusal(429, "slow_down", "This conversation is sending messages faster than an agent "
                    + "can read them; wait a moment and send again.");
        }
        Message stored = conversations.receiveFromCustomer(id, turn.text()).orElseThrow();
        answer(ctx, 201, Map.of("seq", stored.seq(), "text", stored.text()));
    }

    private void stream(SseClient client) {
        Context ctx = client.ctx();
        long id = owned(ctx);
        ChatStream stream = new ChatStream(id, client, requests, CustomerChat.after(ctx));
        client.keepAlive();
        client.onClose(() -> streams.remove(stream));
        // As for the page: watched before the history is read, so a reply stored in between is not missed.
        streams.add(stream);
        stream.send(conversations.messages(id));
        if (conversations.find(id).map(c -> !c.isOpen()).orElse(true)) {
            stream.closed();
        }
    }

    /** The conversation in the path, when it is the calling integration's. */
    private long owned(Context ctx) {
        String raw = ctx.pathParam("id");
        long id = raw.matches("\\d{1,18}") ? Long.parseLong(raw) : -1;
        if (id < 0 || conversations.find(id).isEmpty()) {
            throw new ChatRefusal(404, "no_conversation", "There is no conversation " + shortened(raw) + ".");
        }
        if (!tokens.mayReach(ctx.attribute(INTEGRATION), id)) {
            throw new ChatRefusal(403, "not_yours", "Conversation " + id + " was not opened by this integration.");
        }
        return id;
    }

    private void answer(Context ctx, int status, Map<String, ?> body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(requests.write(body));
    }

    /** What the audit log and a refusal repeat of a path: a flood of a long one is not copied in full. */
    private static String shortened(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
