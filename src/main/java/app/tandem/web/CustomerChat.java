package app.tandem.web;

import app.tandem.channel.image.ImageRefusedException;
import app.tandem.channel.image.ImageTextReader;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.ConversationRepository;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.FeedReader;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageRejectedException;
import app.tandem.security.IntegrationTokens;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customers' way in (issue 18): a chat page served from the jar and its JSON endpoints. A customer's turn is
 * stored through {@link ConversationService} and waits in the agents' queue at once; the agents' replies and the
 * close reach the page over server-sent events within a second, whichever seat wrote them.
 *
 * <p>No CORS headers are sent, the session cookie is SameSite=Strict and every POST must be JSON: a page from
 * another site can neither read the chat nor send a turn in the customer's name.
 */
public final class CustomerChat implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CustomerChat.class);
    static final String COOKIE = "tandem_chat";
    /** Room for the longest message even if every character is sent as a JSON \\u escape; more is refused unread. */
    private static final long MAX_BODY_BYTES = 128 * 1024;

    private final ConversationService conversations;
    private final ChatSessions sessions = new ChatSessions();
    private final ChatStreams streams = new ChatStreams();
    private final ChatRequests requests = new ChatRequests();
    private final TurnLimits limits = new TurnLimits(System::nanoTime);
    private final FeedToPages feed;
    private final Optional<ImageTurns> images;
    private final Javalin server;

    private CustomerChat(ConversationService conversations, ConversationRepository feedSource, IntegrationTokens tokens,
                         Optional<ImageTextReader> reader) {
        this.conversations = conversations;
        this.images = reader.map(r -> new ImageTurns(conversations, r));
        this.feed = new FeedToPages(new FeedReader(feedSource), conversations, streams);
        ChatApi api = new ChatApi(conversations, tokens, streams, requests);
        this.server = Javalin.create(config -> {
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/app/tandem/web/page";
                files.location = Location.CLASSPATH;
                files.headers = securityHeaders();
            });
            config.routes.before("/api/*", ctx -> securityHeaders().forEach(ctx::header));
            config.routes.before("/api/chat/events", ctx -> session(ctx));
            config.routes.get("/api/chat/session", this::current);
            config.routes.post("/api/chat/start", this::start);
            config.routes.post("/api/chat/turns", this::turn);
            config.routes.sse("/api/chat/events", this::stream);
            api.register(config.routes);

            // Image turns (issue 18, Images): the one route whose body is larger than MAX_BODY_BYTES; ImageTurns
            // reads it itself, bounded by its own limit.
            config.routes.post("/api/chat/images", this::image);
            config.routes.exception(ImageRefusedException.class, (e, ctx) -> {
                ChatRefusal refusal = ImageTurns.refusal(e);
                refuse(ctx, refusal.status(), refusal.code(), refusal.getMessage());
            });

            config.routes.exception(ChatRefusal.class, (e, ctx) -> refuse(ctx, e.status(), e.code(), e.getMessage()));
            config.routes.exception(MessageRejectedException.class, (e, ctx) -> refuse(ctx,
                    e.reason() == MessageRejectedException.Reason.CLOSED ? 409 : 400, e.reason().name().toLowerCase(),
                    e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                log.warn("The web chat could not answer {} {}", ctx.method(), ctx.path(), e);
                refuse(ctx, 500, "server", "Something went wrong on our side; please try again in a moment.");
            });
        });
    }

    /**
     * Serves the chat on {@code host}:{@code port} (0: any free port) over {@code conversations}; {@code feedSource}
     * is the repository whose feed tells which agents replied (the same database, read as the office's feed);
     * {@code tokens} admit the chat platforms of {@link ChatApi}.
     */
    public static CustomerChat start(ConversationService conversations, ConversationRepository feedSource,
                                     IntegrationTokens tokens, String host, int port) {
        return start(conversations, feedSource, tokens, host, port, Optional.empty());
    }

    /**
     * As above, taking customers' images too, their text read by {@code reader}; the chat owns the reader from here
     * and closes it with itself. Without one, an image is refused with a sentence saying this chat takes none.
     */
    public static CustomerChat start(ConversationService conversations, ConversationRepository feedSource,
                                     IntegrationTokens tokens, String host, int port, Optional<ImageTextReader> reader) {
        CustomerChat chat = new CustomerChat(conversations, feedSource, tokens, reader);
        try {
            chat.server.start(host, port);
        } catch (RuntimeException e) {
            chat.server.stop();
            throw new IllegalStateException("The customer web chat cannot listen on " + host + ":" + port
                    + " (is the port free and the address this PC's?).", e);
        }
        chat.feed.start();
        return chat;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        feed.close();
        // Ended first: an open stream would hold the server's stop until it timed out.
        streams.all(ChatStream::end);
        server.stop();
        images.ifPresent(ImageTurns::close);
    }

    private void current(Context ctx) {
        ChatSession session = session(ctx);
        boolean closed = conversations.find(session.conversationId()).map(c -> !c.isOpen()).orElse(true);
        answer(ctx, 200, Map.of("language", session.language().tag(), "closed", closed));
    }

    private void start(Context ctx) {
        requireJson(ctx);
        ChatRequests.Start start = requests.start(ctx.bodyAsBytes());
        Optional<ChatSession> existing = sessions.find(ctx.cookie(COOKIE))
                .filter(s -> conversations.find(s.conversationId()).map(Conversation::isOpen).orElse(false));
        if (existing.isPresent()) {
            // A second start from a page that has a conversation (two tabs, a double click) is the same conversation.
            answer(ctx, 200, Map.of("language", existing.get().language().tag(), "closed", false));
            return;
        }
        // The number the customer gives is shown to the agent in the title, not linked to a profile: the agent
        // confirms who they are first (identity confirmation is a later slice of issue 18).
        String title = start.customerNumber().map(n -> "Web chat \u00b7 says customer " + n).orElse("Web chat");
        Conversation conversation = conversations.open(Optional.empty(), Channel.WEB, title);
        String token = sessions.open(new ChatSession(conversation.id(), start.language()));
        Cookie cookie = new Cookie(COOKIE, token, "/", -1, false, true, null, SameSite.STRICT);
        cookie.setHttpOnly(true);
        cookie.setSameSite(SameSite.STRICT);
        ctx.cookie(cookie);
        answer(ctx, 201, Map.of("language", start.language().tag(), "closed", false));
    }

    private void turn(Context ctx) {
        requireJson(ctx);
        ChatSession session = session(ctx);
        ChatRequests.Turn turn = requests.turn(ctx.bodyAsBytes());
        Optional<Integer> earlier = turn.turnId().flatMap(session::storedTurn);
        if (earlier.isPresent()) {
            answer(ctx, 200, Map.of("seq", earlier.get(), "text", turn.text()));
            return;
        }
        allowTurn(ctx, session);
        Message stored = conversations.receiveFromCustomer(session.conversationId(), turn.text()).orElseThrow();
        turn.turnId().ifPresent(id -> session.stored(id, stored.seq()));
        answer(ctx, 201, Map.of("seq", stored.seq(), "text", stored.text()));
    }

    private void image(Context ctx) {
        ChatSession session = session(ctx);
        ImageTurns turns = images.orElseThrow(() -> new ChatRefusal(503, "no_images",
                "This chat cannot take images; please describe what the image shows."));
        allowTurn(ctx, session);
        Message stored = turns.receive(ctx, session);
        answer(ctx, 201, Map.of("seq", stored.seq(), "text", stored.text()));
    }

    /** An image counts as a turn: the same limits per session and per address. */
    private void allowTurn(Context ctx, ChatSession session) {
        if (!limits.allow("session:" + session.conversationId(), "address:" + ctx.ip())) {
            throw new ChatRefusal(429, "slow_down", "You are sending messages faster than we can read them; "
                    + "please wait a moment and send again.");
        }
    }

    private void stream(SseClient client) {
        Context ctx = client.ctx();
        ChatSession session = session(ctx);
        ChatStream stream = new ChatStream(session.conversationId(), client, requests, after(ctx));
        client.keepAlive();
        client.onClose(() -> streams.remove(stream));
        // Added before the history is read: a reply stored in between comes by the feed, and the stream drops
        // whichever copy comes second.
        streams.add(stream);
        List<Message> history = conversations.messages(session.conversationId());
        stream.send(history);
        if (conversations.find(session.conversationId()).map(c -> !c.isOpen()).orElse(true)) {
            stream.closed();
        }
    }

    /** The page's last turn: the query's {@code after}, or the browser's own Last-Event-ID when it reconnected. */
    static int after(Context ctx) {
        int after = 0;
        for (String value : new String[] {ctx.queryParam("after"), ctx.header("Last-Event-ID")}) {
            if (value != null && value.matches("\\d{1,9}")) {
                after = Math.max(after, Integer.parseInt(value));
            }
        }
        return after;
    }

    private ChatSession session(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE)).orElseThrow(() -> new ChatRefusal(401, "no_session",
                "This chat has no conversation yet, or it has ended; start a new one."));
    }

    /** A cross-site form can post only form or text types without asking first; JSON makes the browser ask. */
    static void requireJson(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw ChatRefusal.badRequest("not_json", "The request must be sent as application/json.");
        }
    }

    private void answer(Context ctx, int status, Map<String, ?> body) {
        ctx.status(status).contentType("application/json; charset=utf-8").result(requests.write(body));
    }

    private void refuse(Context ctx, int status, String code, String sentence) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", sentence);
        answer(ctx, status, body);
    }

    private static Map<String, String> securityHeaders() {
        return Map.of("Content-Security-Policy", "default-src 'self'; img-src 'self' blob:; frame-ancestors 'none'",
                "X-Content-Type-Options", "nosniff",
                "Referrer-Policy", "no-referrer",
                "Cache-Control", "no-store");
    }
}
