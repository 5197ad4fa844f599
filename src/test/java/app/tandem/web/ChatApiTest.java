package app.tandem.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.ConversationService;
import app.tandem.conversation.MessageOrigin;
import app.tandem.conversation.QueueEntry;
import app.tandem.security.AuditLog;
import app.tandem.security.IntegrationTokens;
import app.tandem.store.Database;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcIntegrationTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chat platforms' API over a real H2 database and a real loopback server, with real bearer tokens. */
class ChatApiTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<InputStream> streams = new ArrayList<>();
    private Database db;
    private ConversationService conversations;
    private IntegrationTokens tokens;
    private AuditLog audit;
    private CustomerChat chat;
    private String base;

    @BeforeEach
    void start(@TempDir Path folder) {
        db = Database.open(folder);
        JdbcConversationRepository web = new JdbcConversationRepository(db.dataSource(), "web");
        conversations = new ConversationService(web, Clock.systemUTC());
        audit = new JdbcAuditLog(db.dataSource(), Clock.systemUTC());
        tokens = new IntegrationTokens(new JdbcIntegrationTokens(db.dataSource()), audit, Clock.systemUTC());
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
    void aForwardedCustomerWaitsInTheQueueAndTheAgentsReplyComesBackOnTheEventStream() throws Exception {
        String token = tokens.create("admin", "WeChat bridge").token();
        HttpResponse<String> opened = post("/api/v1/conversations", token,
                "{\"customerReference\":\"wx-42\",\"customerNumber\":\"C1001\",\"language\":\"zh-CN\",\"text\":\"我的卡被锁了\"}");
        assertEquals(201, opened.statusCode(), opened.body());
        long id = json.readTree(opened.body()).get("id").asLong();
        assertEquals(201, post("/api/v1/conversations/" + id + "/messages", token, "{\"text\":\"Still there?\"}").statusCode());

        List<QueueEntry> queue = conversations.queue();
        assertEquals(1, queue.size());
        assertEquals(id, queue.get(0).conversation().id());
        assertTrue(queue.get(0).waitingSince().isPresent(), "waiting for an agent");
        assertTrue(queue.get(0).conversation().title().contains("wx-42"));

        BlockingQueue<String> events = events(id, token, 2);
        ConversationService otherSeat = new ConversationService(new JdbcConversationRepository(db.dataSource(), "seat-2"),
                Clock.systemUTC());
        otherSeat.sendFromAgent(id, "Let me unlock it.", MessageOrigin.TYPED, OptionalLong.empty(), "alice");
        assertEquals("turn 3 agent Let me unlock it.", events.poll(2, TimeUnit.SECONDS));
        otherSeat.close(id, "Unlocked");
        assertEquals("closed", events.poll(2, TimeUnit.SECONDS));

        BlockingQueue<String> resumed = events(id, token, 1);
        assertEquals("turn 2 customer Still there?", resumed.poll(2, TimeUnit.SECONDS));
        assertEquals("turn 3 agent Let me unlock it.", resumed.poll(1, TimeUnit.SECONDS));
    }

    @Test
    void missingUnknownAndRevokedTokensAreRefusedAndAudited() throws Exception {
        IntegrationTokens.Created created = tokens.create("admin", "LINE bridge");
        String opening = "{\"customerReference\":\"u1\",\"text\":\"hi\"}";
        assertEquals(201, post("/api/v1/conversations", created.token(), opening).statusCode());

        tokens.revoke("admin", created.tokenId());
        assertRefused(401, post("/api/v1/conversations", created.token(), opening));
        assertRefused(401, post("/api/v1/conversations", null, opening));
        String forged = created.token().substring(0, created.token().length() - 4) + "AAAA";
        assertRefused(401, post("/api/v1/conversations", forged, opening));

        assertEquals(1, conversations.queue().size(), "nothing opened by a refused request");
        List<AuditLog.Entry> latest = audit.latest(10);
        assertTrue(latest.stream().anyMatch(e -> e.action().equals("api.refused") && e.target().equals(created.tokenId())
                && e.detail().startsWith("revoked token")), latest.toString());
        assertTrue(latest.stream().anyMatch(e -> e.action().equals("api.refused") && e.detail().startsWith("no bearer token")));
        assertTrue(latest.stream().anyMatch(e -> e.action().equals("api.use")));
        assertTrue(latest.stream().anyMatch(e -> e.action().equals("api.token.revoke")));
        String secret = secret(created);
        assertTrue(latest.stream().noneMatch(e -> (e.target() + e.detail()).contains(secret.substring(0, 12))),
                "no audit row repeats a secret");
    }

    @Test
    void anIntegrationCannotReachAnotherIntegrationsConversation() throws Exception {
        String ours = tokens.create("admin", "ours").token();
        String theirs = tokens.create("admin", "theirs").token();
        long id = json.readTree(post("/api/v1/conversations", ours,
                "{\"customerReference\":\"c\",\"text\":\"hello\"}").body()).get("id").asLong();

        assertRefused(403, post("/api/v1/conversations/" + id + "/messages", theirs, "{\"text\":\"sneaky\"}"));
        assertRefused(403, send(request("/api/v1/conversations/" + id + "/events", theirs).GET().build()));
        assertRefused(404, post("/api/v1/conversations/99999/messages", ours, "{\"text\":\"x\"}"));
        assertEquals(1, conversations.messages(id).size());
    }

    @Test
    void badJsonFloodsAndOtherSitesAreRefused() throws Exception {
        String token = tokens.create("admin", "bridge").token();
        assertRefused(400, post("/api/v1/conversations", token, "{\"customerReference\":"));
        assertRefused(400, post("/api/v1/conversations", token, "{\"text\":\"no reference\"}"));
        assertRefused(400, post("/api/v1/conversations", token, "{\"customerReference\":\"c\",\"text\":\"hi\",\"admin\":true}"));
        assertTrue(conversations.queue().isEmpty());

        HttpResponse<String> opened = send(request("/api/v1/conversations", token).header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerReference\":\"c\",\"text\":\"one\"}")).build());
        assertTrue(opened.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        long id = json.readTree(opened.body()).get("id").asLong();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            statuses.add(post("/api/v1/conversations/" + id + "/messages", token, "{\"text\":\"turn " + i + "\"}").statusCode());
        }
        // The opening turn is not counted: the page's limit is five further turns in a second.
        assertEquals(List.of(201, 201, 201, 201, 201), statuses);
        assertRefused(429, post("/api/v1/conversations/" + id + "/messages", token, "{\"text\":\"too fast\"}"));
    }

    @Test
    void theTokenIsNeverStoredInClear() throws Exception {
        IntegrationTokens.Created created = tokens.create("admin", "bridge");
        String secret = secret(created);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM integration_token")) {
            assertTrue(rs.next());
            for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                String value = String.valueOf(rs.getString(col));
                assertFalse(value.contains(secret), rs.getMetaData().getColumnName(col) + " holds the secret");
            }
            assertEquals(64, rs.getString("secret_hash").length());
        }
        assertEquals(List.of(created.tokenId()), tokens.list().stream().map(t -> t.tokenId()).toList());
    }

    @Test
    void theOpenApiFileNamesExactlyTheRoutesTheServerRegisters() throws Exception {
        String yaml = Files.readString(Path.of("docs/api/openapi.yaml"));
        Set<String> described = new TreeSet<>();
        String path = null;
        Matcher line = Pattern.compile("(?m)^(  (/\\S+):|    (get|post|put|patch|delete):)\\s*$").matcher(yaml);
        while (line.find()) {
            if (line.group(2) != null) {
                path = line.group(2);
            } else {
                described.add(line.group(3).toUpperCase() + " " + path);
            }
        }
        assertEquals(new TreeSet<>(ChatApi.ROUTES), described);

        String token = tokens.create("admin", "bridge").token();
        for (String route : ChatApi.ROUTES) {
            String[] parts = route.split(" ");
            String url = parts[1].replace("{id}", "1");
            HttpResponse<String> answer = send(request(url, token).header("Content-Type", "application/json")
                    .method(parts[0], HttpRequest.BodyPublishers.ofString("{}")).build());
            assertTrue(answer.statusCode() != 404 || answer.body().contains("no_conversation"), route + ": " + answer.body());
        }
        assertEquals(404, send(request("/api/v1/customers", token).GET().build()).statusCode());
    }

    /** The token's secret: after "tandem_", the 12-character id and "_" (the secret itself may hold '_'). */
    private static String secret(IntegrationTokens.Created created) {
        return created.token().substring("tandem_".length() + created.tokenId().length() + 1);
    }

    private void assertRefused(int status, HttpResponse<String> response) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        String sentence = json.readTree(response.body()).get("message").asText();
        assertTrue(sentence.endsWith(".") && !sentence.contains("Exception"), sentence);
    }

    /** The conversation's event stream after turn {@code after}, each event as "turn SEQ AUTHOR TEXT" or "closed". */
    private BlockingQueue<String> events(long id, String token, int after) throws Exception {
        HttpResponse<InputStream> response = http.send(request("/api/v1/conversations/" + id + "/events?after=" + after, token)
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        InputStream body = response.body();
        streams.add(body);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            String event = null;
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
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

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
