package app.tandem.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.channel.image.ImageTextReader;
import app.tandem.channel.image.TrainedData;
import app.tandem.conversation.Attachment;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.QueueEntry;
import app.tandem.security.IntegrationTokens;
import app.tandem.store.Database;
import app.tandem.store.JdbcAuditLog;
import app.tandem.store.JdbcConversationRepository;
import app.tandem.store.JdbcIntegrationTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image turn from the customer page to the agents' queue: a real loopback server, real HTTP, the real Tesseract
 * reading a PNG drawn here, and H2 in a temporary folder.
 */
@Slow
class ImageTurnsTest {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private Database db;
    private ConversationService conversations;
    private CustomerChat chat;
    private String base;

    @BeforeEach
    void start(@TempDir Path folder) {
        db = Database.open(folder);
        JdbcConversationRepository web = new JdbcConversationRepository(db.dataSource(), "web");
        conversations = new ConversationService(web, Clock.systemUTC());
        ImageTextReader reader = new ImageTextReader(TrainedData.unpackedUnder(folder.resolve("cache")), 1,
                Duration.ofSeconds(20));
        IntegrationTokens tokens = new IntegrationTokens(new JdbcIntegrationTokens(db.dataSource()),
                new JdbcAuditLog(db.dataSource(), Clock.systemUTC()), Clock.systemUTC());
        chat = CustomerChat.start(conversations, web, tokens, "127.0.0.1", 0, Optional.of(reader));
        base = "http://127.0.0.1:" + chat.port();
    }

    @AfterEach
    void stop() {
        chat.close();
        db.close();
    }

    @Test
    void anImageTurnWaitsInTheQueueWithTheTextReadFromIt() throws Exception {
        String cookie = startChat();

        HttpResponse<String> sent = postImage(cookie, "image/png", png("Card ending 4821 declined"), "Why? 为什么");

        assertEquals(201, sent.statusCode(), sent.body());
        List<QueueEntry> queue = conversations.queue();
        assertEquals(1, queue.size());
        assertTrue(queue.get(0).waitingSince().isPresent(), "waiting for an agent");
        long id = queue.get(0).conversation().id();
        List<Message> turns = conversations.messages(id);
        assertEquals(1, turns.size(), "the image and its words are one turn");
        assertEquals("Why? 为什么\n[read from the image] Card ending 4821 declined", turns.get(0).text());
        JsonNode answer = json.readTree(sent.body());
        assertEquals(turns.get(0).text(), answer.get("text").asText());
        Attachment attachment = conversations.attachments(id).get(0);
        assertEquals("image/png", attachment.contentType());
        assertEquals(Optional.of("Card ending 4821 declined"), attachment.meaning());
        assertTrue(attachment.read().orElseThrow().confidence() > 60, "confidence " + attachment.read().orElseThrow());
    }

    /** A phone photo is far larger than the chat's JSON limit (128 KB): the image route reads up to 5 MB itself. */
    @Test
    void anImageLargerThanAJsonTurnIsTaken() throws Exception {
        String cookie = startChat();
        BufferedImage photo = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        java.util.Random noise = new java.util.Random(18);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                photo.setRGB(x, y, noise.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(photo, "png", png);
        assertTrue(png.size() > 256 * 1024, png.size() + " bytes");

        HttpResponse<String> sent = postImage(cookie, "image/png", png.toByteArray(), "a photo");

        assertEquals(201, sent.statusCode(), sent.body());
        long id = conversations.queue().get(0).conversation().id();
        assertEquals(png.size(), conversations.attachmentContent(conversations.attachments(id).get(0).id()).orElseThrow().length);
    }

    @Test
    void aGifIsRefusedWithItsSentenceAndNothingIsStored() throws Exception {
        String cookie = startChat();
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(image, "gif", gif);

        HttpResponse<String> sent = postImage(cookie, "image/png", gif.toByteArray(), "");

        assertEquals(400, sent.statusCode());
        assertEquals("This is a GIF image; Tandem takes PNG and JPEG only.", json.readTree(sent.body()).get("message").asText());
        assertNothingStored();
    }

    @Test
    void aTextFileNamedAsAnImageIsRefusedAndNothingIsStored() throws Exception {
        String cookie = startChat();

        HttpResponse<String> sent = postImage(cookie, "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "see this");

        assertEquals(400, sent.statusCode());
        assertEquals("This file is not a PNG or JPEG image.", json.readTree(sent.body()).get("message").asText());
        assertNothingStored();
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        String cookie = startChat();

        HttpResponse<String> sent = postImage(cookie, "image/png", new byte[(int) ImageTurns.MAX_BODY_BYTES + 1], "");

        assertEquals(413, sent.statusCode(), sent.body());
        assertNothingStored();
    }

    private void assertNothingStored() {
        long id = conversations.queue().get(0).conversation().id();
        assertTrue(conversations.messages(id).isEmpty());
        assertTrue(conversations.attachments(id).isEmpty());
    }

    private static byte[] png(String line) throws IOException {
        BufferedImage image = new BufferedImage(520, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        g.drawString(line, 20, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private String startChat() throws Exception {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/start"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, started.statusCode(), started.body());
        String setCookie = started.headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private HttpResponse<String> postImage(String cookie, String type, byte[] body, String caption) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/chat/images"))
                .header("Cookie", cookie).header("Content-Type", type)
                .header(ImageTurns.CAPTION_HEADER, URLEncoder.encode(caption, StandardCharsets.UTF_8).replace("+", "%20"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
