package app.tandem.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.Slow;
import app.tandem.assist.Placeholders;
import app.tandem.assist.Suggestion;
import app.tandem.conversation.Message;
import app.tandem.conversation.QueueEntry;
import app.tandem.ui.TestBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The customer page in a real headless Chromium against the real backend (H2, knowledge base, suggestions): the
 * customer's turn reaches the agents' queue, the agent's accepted suggestion reaches the page, in English and in
 * Chinese, and a reload or a dropped connection loses and doubles nothing. The desk is seen at the service level
 * (the queue and the reply service the desk's window calls), not through its window.
 */
@Slow
class CustomerPageInBrowserTest {

    private static final String AGENT = "alice";
    private static final Duration REPLY_WITHIN = Duration.ofSeconds(2);

    private TestBackend backend;
    private CustomerChat chat;
    private ChromeDriver page;
    private String base;

    @BeforeEach
    void start(@TempDir Path folder) {
        Chromium.requireInstalled();
        backend = TestBackend.start(folder);
        chat = backend.tandem.serveCustomerChat("127.0.0.1", 0);
        base = "http://127.0.0.1:" + chat.port() + "/";
        page = Chromium.start();
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.quit();
        }
        if (chat != null) {
            chat.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void anEnglishTurnReachesTheQueueAndTheAcceptedSuggestionReachesThePage() {
        page.get(base);
        startChat("en", "Start chat");
        say("My card is blocked, what should I do?");

        long id = waitingConversationSaying("My card is blocked, what should I do?");
        String reply = acceptSuggestion(id);

        awaitAgentTurns(1, REPLY_WITHIN);
        assertEquals(reply, agentTurns().get(0));
    }

    @Test
    void aChineseTurnReachesTheQueueAndTheReplyReachesThePage() {
        page.get(base);
        startChat("zh-CN", "开始交谈");
        assertEquals("与银行在线交谈", page.getTitle());
        say("我的银行卡被锁了怎么办");

        long id = waitingConversationSaying("我的银行卡被锁了怎么办");
        String reply = acceptSuggestion(id);

        awaitAgentTurns(1, REPLY_WITHIN);
        assertEquals(reply, agentTurns().get(0));
    }

    @Test
    void aReloadKeepsTheConversationAndItsTurns() {
        page.get(base);
        startChat("en", "Start chat");
        say("Hello, is anyone there?");
        long id = waitingConversationSaying("Hello, is anyone there?");
        backend.tandem.replies.send(id, "Hello, this is Alice. How can I help?", Optional.empty(), AGENT);
        awaitAgentTurns(1, REPLY_WITHIN);
        List<String> before = allTurns();

        page.navigate().refresh();

        awaitTurns(before.size(), REPLY_WITHIN);
        assertEquals(before, allTurns());
        assertEquals(1, backend.tandem.conversations.queue().size(), "still the one conversation");
    }

    @Test
    void aDroppedConnectionResumesWithoutLosingOrDoublingATurn() {
        page.get(base);
        startChat("en", "Start chat");
        say("First question");
        long id = waitingConversationSaying("First question");
        backend.tandem.replies.send(id, "First answer", Optional.empty(), AGENT);
        awaitAgentTurns(1, REPLY_WITHIN);

        offline(true);
        backend.tandem.replies.send(id, "Sent while you were away", Optional.empty(), AGENT);
        say("Typed while offline");
        new WebDriverWait(page, Duration.ofSeconds(5)).until(d -> !d.findElement(By.id("notice")).getText().isEmpty());
        assertEquals("Typed while offline", page.findElement(By.id("text")).getAttribute("value"),
                "the unsent turn stays in the box");
        offline(false);
        // The stream reconnects by itself; the customer sends the kept turn again (the same turn id).
        page.findElement(By.cssSelector("#compose button")).click();
        new WebDriverWait(page, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("text")).getAttribute("value").isEmpty());
        backend.tandem.replies.send(id, "Back again", Optional.empty(), AGENT);

        awaitAgentTurns(3, Duration.ofSeconds(10));
        List<String> stored = backend.tandem.conversations.messages(id).stream().map(Message::text).toList();
        assertEquals(List.of("First question", "First answer", "Sent while you were away", "Typed while offline",
                "Back again"), stored, "every turn stored once");
        awaitTurns(stored.size(), REPLY_WITHIN);
        assertEquals(stored, allTurns(), "every turn shown once, in order");
    }

    private void startChat(String language, String startLabel) {
        page.findElement(By.cssSelector("[data-language='" + language + "']")).click();
        WebElement start = page.findElement(By.cssSelector("#start button[type=submit]"));
        new WebDriverWait(page, Duration.ofSeconds(5)).until(d -> start.isDisplayed());
        assertEquals(startLabel, start.getText());
        start.click();
        new WebDriverWait(page, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("text")).isDisplayed());
    }

    private void say(String text) {
        WebElement box = page.findElement(By.id("text"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    /** The customer's conversation as the desk's queue shows it, once its turn is there. */
    private long waitingConversationSaying(String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (QueueEntry entry : backend.tandem.conversations.queue()) {
                long id = entry.conversation().id();
                // The queue entry was read before the turns: one read just before the turn was stored shows it
                // with nothing to wait for yet, so look again rather than fail.
                if (entry.waitingSince().isPresent()
                        && backend.tandem.conversations.messages(id).stream().anyMatch(m -> m.text().equals(text))) {
                    return id;
                }
            }
            pause();
        }
        throw new AssertionError("No conversation in the queue says \"" + text + "\"; queue: "
                + backend.tandem.conversations.queue());
    }

    /** What the desk does when the agent accepts the first suggestion without gaps to fill: the reply service sends it. */
    private String acceptSuggestion(long id) {
        List<Suggestion> offered = backend.tandem.assist
                .suggest(id, backend.tandem.conversations.messages(id), AGENT).replies();
        Suggestion accepted = offered.stream().filter(s -> Placeholders.unfilled(s.text()).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("No suggestion without gaps among " + offered));
        Message sent = backend.tandem.replies.send(id, accepted.text(), Optional.of(accepted), AGENT).orElseThrow();
        return sent.text();
    }

    private void offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        if (offline) {
            page.setNetworkConditions(conditions);
        } else {
            page.deleteNetworkConditions();
        }
    }

    private void awaitAgentTurns(int count, Duration within) {
        new WebDriverWait(page, within, Duration.ofMillis(50)).until(d -> agentTurns().size() >= count);
    }

    private void awaitTurns(int count, Duration within) {
        new WebDriverWait(page, within, Duration.ofMillis(50)).until(d -> allTurns().size() >= count);
    }

    private List<String> agentTurns() {
        return page.findElements(By.cssSelector("#turns li.agent")).stream().map(WebElement::getText).toList();
    }

    private List<String> allTurns() {
        return page.findElements(By.cssSelector("#turns li")).stream().map(WebElement::getText).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static {
        // Selenium's own logging of every CDP message would drown the build's output.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.WARNING);
    }
}
