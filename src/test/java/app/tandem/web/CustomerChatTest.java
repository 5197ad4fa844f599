package app.tandem.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.conversation.QueueEntry;
import app.tandem.security.IntegrationTokens;
import app.tandem.store.Database;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcIntegrationTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The customer chat over a real H2 database and a real loopback server, asked with real HTTP requests. */
class CustomerChatTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<InputStream> streams = new ArrayList<>();
    private Database db;
    private ConversationService conversations;
    private CustomerChat chat;
    private String base;

    @BeforeEach
    void start(@TempDir Path folder) {
        db = Database.open(folder);
        JdbcConversationRepository web = new JdbcConversationRepository(db.dataSource(), "web");
        conversations = new ConversationService(web, Clock.systemUTC());
        IntegrationTokens tokens = new IntegrationTokens(new JdbcIntegrationTokens(db.dataSource()),
                new JdbcAuditLog(db.dataSource(), Clock.systemUTC()), Clock.systemUTC());
        chat = CustomerChat.start(conversations, web, tokens, "127.0.0.1", 0);
        base = "http://127.0.0.1:" + chat.port();
    }

    @AfterEach
    void stop() throws IOException {
        for (InputStream s : streams) {
            s.close();
        }
        chat.close();
        db.close();
    }

    @Test
    void aCustomersTurnWaitsInTheAgentsQueueWithTheirText() throws Exception {
        String cookie = startChat("{\"customerNumber\":\"C1001\",\"language\":\"zh-CN\"}");
        HttpResponse<String> turn = post("/api/chat/turns", cookie, "{\"text\":\"我的卡被锁了\"}");

        assertEquals(201, turn.statusCode(), turn.body());
        List<QueueEntry> queue = conversations.queue();
        assertEquals(1, queue.size());
        long id = queue.get(0).conversation().id();
        assertTrue(queue.get(0).waitingSince().isPresent(), "waiting for an agent");
        assertTrue(queue.get(0).conversation().title().contains("C1001"));
        assertEquals(List.of("我的卡被锁了"), conversations.messages(id).stream().map(Message::text).toList());
        assertEquals("zh-CN", json.readTree(get("/api/chat/session", cookie).body()).get("language").asText());
    }

    @Test
    void anAgentsReplyFromAnotherSeatReachesThePageWithinASecond() throws Exception {
        String cookie = startChat("{}");
        post("/api/chat/turns", cookie, "{\"text\":\"Hello?\"}");
        BlockingQueue<String> events = events(cookie, 0);
        assertEquals("turn 1 customer Hello?", events.poll(2, TimeUnit.SECONDS));

        ConversationService otherSeat = new ConversationService(new JdbcConversationRepository(db.dataSource(), "seat-2"),
                Clock.systemUTC());
        long id = conversations.queue().get(0).conversation().id();
        long sent = System.nanoTime();
        otherSeat.sendFromAgent(id, "Hello, how can I help?", MessageOrigin.TYPED, OptionalLong.empty(), "alice");

        assertEquals("turn 2 agent Hello, how can I help?", events.poll(1, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - sent < TimeUnit.SECONDS.toNanos(1));
        otherSeat.close(id, "Answered");
        assertEquals("closed", events.poll(1, TimeUnit.SECONDS));
    }

    @Test
    void aReloadResumesAfterTheLastTurnThePageHas() throws Exception {
        String cookie = startChat("{}");
        for (String text : List.of("one", "two", "three")) {
            post("/api/chat/turns", cookie, "{\"text\":\"" + text + "\"}");
        }
        BlockingQueue<String> resumed = events(cookie, 1);

        assertEquals("turn 2 customer two", resumed.poll(2, TimeUnit.SECONDS));
        assertEquals("turn 3 customer three", resumed.poll(1, TimeUnit.SECONDS));
        assertNull(resumed.poll(500, TimeUnit.MILLISECONDS), "no turn is sent twice");
    }

    @Test
    void aTurnSentAgainWithItsIdIsStoredOnce() throws Exception {
        String cookie = startChat("{}");
        HttpResponse<String> first = post("/api/chat/turns", cookie, "{\"text\":\"Lost answer\",\"turnId\":\"t-1\"}");
        HttpResponse<String> again = post("/api/chat/turns", cookie, "{\"text\":\"Lost answer\",\"turnId\":\"t-1\"}");

        assertEquals(json.readTree(first.body()).get("seq"), json.readTree(again.body()).get("seq"));
        assertEquals(1, conversations.messages(conversations.queue().get(0).conversation().id()).size());
    }

    @Test
    void badInputIsRefusedWithOneSentenceAndNothingStored() throws Exception {
        String cookie = startChat("{}");
        long id = conversations.queue().get(0).conversation().id();

        assertRefused(400, post("/api/chat/turns", cookie, "{\"text\":"));
        assertRefused(400, post("/api/chat/turns", cookie, "[\"text\"]"));
        assertRefused(400, post("/api/chat/turns", cookie, "{\"text\":42}"));
        assertRefused(400, post("/api/chat/turns", cookie, "{\"text\":\"" + "x".repeat(ConversationService.MAX_MESSAGE_LENGTH + 1) + "\"}"));
        assertRefused(400, send(request("/api/chat/turns", cookie).POST(HttpRequest.BodyPublishers.ofByteArray(
                new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})).build()));
        assertRefused(400, send(request("/api/chat/turns", cookie).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")).build()));
        assertRefused(401, post("/api/chat/turns", null, "{\"text\":\"hi\"}"));
        assertRefused(401, get("/api/chat/events", "tandem_chat=made-up"));

        assertTrue(conversations.messages(id).isEmpty());
        assertEquals(1, conversations.queue().size());
    }

    @Test
    void theSixthTurnInASecondIsAskedToWait() throws Exception {
        String cookie = startChat("{}");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            statuses.add(post("/api/chat/turns", cookie, "{\"text\":\"turn " + i + "\"}").statusCode());
        }

        assertEquals(List.of(201, 201, 201, 201, 201, 429), statuses);
        assertEquals(5, conversations.messages(conversations.queue().get(0).conversation().id()).size());
    }

    @Test
    void htmlInAMessageComesBackAsTheSameTextAndThePageShowsItAsText() throws Exception {
        String cookie = startChat("{}");
        String markup = "<img src=x onerror=alert(1)> & <b>bold</b>";
        HttpResponse<String> turn = post("/api/chat/turns", cookie, json.writeValueAsString(java.util.Map.of("text", markup)));

        assertEquals(markup, json.readTree(turn.body()).get("text").asText());
        String script = get("/chat.js", null).body();
        assertTrue(script.contains("item.textContent = turn.text"));
        assertFalse(script.contains("innerHTML"));
    }

    @Test
    void thePageIsServedWithoutCorsAndTheCookieIsHttpOnlyAndStrict() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("简体中文"));
        HttpResponse<String> started = send(request("/api/chat/start", null).header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertTrue(started.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        String setCookie = started.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=strict"), setCookie);
    }

    private void assertRefused(int status, HttpResponse<String> response) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        String sentence = body.get("message").asText();
        assertTrue(sentence.endsWith(".") && !sentence.contains("Exception"), sentence);
    }

    private String startChat(String body) throws Exception {
        HttpResponse<String> started = post("/api/chat/start", null, body);
        assertEquals(201, started.statusCode(), started.body());
        String setCookie = started.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    /** The event stream after turn {@code after}, each event as "turn SEQ AUTHOR TEXT" or "closed". */
    private BlockingQueue<String> events(String cookie, int after) throws Exception {
        HttpResponse<InputStream> response = http.send(request("/api/chat/events?after=" + after, cookie)
                        .header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        InputStream body = response.body();
        streams.add(body);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            String event = null;
            try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && event != null) {
                        JsonNode data = json.readTree(line.substring(5).strip());
                        events.add(event.equals("turn")
                                ? "turn " + data.get("seq").asInt() + " " + data.get("author").asText() + " " + data.get("text").asText()
                                : event);
                        event = null;
                    }
                }
            } catch (IOException e) {
                // The test closed the stream.
            }
        });
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private HttpResponse<String> post(String path, String cookie, String body) throws Exception {
        return send(request(path, cookie).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        return send(request(path, cookie).GET().build());
    }

    private HttpRequest.Builder request(String path, String cookie) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
        Optional.ofNullable(cookie).ifPresent(c -> builder.header("Cookie", c));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertNotNull(response.body());
        return response;
    }
}
