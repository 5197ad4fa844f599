package app.tandem.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.assist.escalation.Correction;
import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.EscalationReason;
import app.tandem.assist.escalation.TurnAnnotation;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.nlp.entities.Entity;
import app.tandem.nlp.entities.EntityType;
import app.tandem.nlp.sentiment.Sentiment;
import app.tandem.nlp.sentiment.SentimentResult;
import app.tandem.security.Role;
import app.tandem.security.User;
import app.tandem.ui.MainWindow;
import app.tandem.ui.TestBackend;
import app.tandem.ui.common.CurrentThreadTaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.ui.escalations.EscalationsViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integration over TestBackend (H2, Lucene, lexical cues, no models): what the real understanding finds, stores and escalates; UI logic is UnderstandingViewModelTest's.
 */
@Slow
class DeskUnderstandingViewModelTest {

    @TempDir
    static Path folder;
    static TestBackend backend;
    static User admin;
    static User agent;

    DeskViewModel vm;

    @BeforeAll
    static void startBackend() {
        backend = TestBackend.start(folder);
        admin = backend.services.accounts().createFirstAdmin("admin", "Ada Admin", "correct horse".toCharArray());
        agent = backend.services.accounts().createUser("admin", "agent1", "Alex Agent", Role.AGENT, "battery staple".toCharArray());
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    @AfterEach
    void dispose() {
        if (vm != null) {
            vm.dispose();
        }
    }

    private DeskViewModel deskFor(User user) {
        vm = MainWindow.deskViewModel(backend.services, user, new CurrentThreadTaskExecutor(), Texts.of(Locale.ENGLISH), Clock.systemDefaultZone());
        vm.start();
        return vm;
    }

    /** The panel's notice as the agent reads it in {@code language}. */
    private String notice(Locale language) {
        return new NoticeTexts(Texts.of(language)).words(vm.suggestions().noticeProperty().get());
    }

    private Conversation openAndSelect(String title) {
        Conversation c = backend.services.conversations().open(Optional.of("C1001"), Channel.PHONE, title);
        vm.select(c.id());
        return c;
    }

    @Test
    void customerTurnGetsChipsAndTheAgentSeesTheCardAsItsLastFour() {
        deskFor(agent);
        Conversation c = openAndSelect("Charged twice");
        Message m = backend.services.conversations().receiveFromCustomer(c.id(),
                "I'm disappointed, card 4539 1488 0343 6467 was charged £12.50 twice").orElseThrow();

        TurnAnnotation a = vm.understanding().annotations().get(m.seq());
        assertEquals(Sentiment.NEGATIVE, a.sentiment().sentiment());
        assertEquals(SentimentResult.Method.CUES_ONLY, a.sentiment().method(), "no models in this test: cues only, and it says so");
        assertTrue(a.entities().stream().anyMatch(e -> e.type() == EntityType.AMOUNT && e.value().equals("12.50 GBP")));
        String shown = vm.understanding().displayText(m);
        assertFalse(shown.contains("4539"), shown);
        assertTrue(shown.contains("6467"), shown);
        assertEquals("6467", backend.services.understanding().slots(c.id()).get("card.last4").orElseThrow());
    }

    @Test
    void correctionsChangeTheChipsAndBecomeRedactedTrainingData() {
        deskFor(agent);
        Conversation c = openAndSelect("Correct me");
        Message m = backend.services.conversations().receiveFromCustomer(c.id(),
                "my name is Emma Clarke and I just want my money back, order #A12345").orElseThrow();
        int before = backend.services.understanding().corrections(Correction.Kind.SENTIMENT).size();

        vm.understanding().correctSentiment(m, Sentiment.ANGRY);
        assertEquals(Sentiment.ANGRY, vm.understanding().annotations().get(m.seq()).sentiment().sentiment());
        List<Correction> stored = backend.services.understanding().corrections(Correction.Kind.SENTIMENT);
        assertEquals(before + 1, stored.size());
        Correction last = stored.get(stored.size() - 1);
        assertEquals("angry", last.label());
        assertEquals("agent1", last.correctedBy());
        assertFalse(last.text().contains("Emma"), last.text());

        Entity order = vm.understanding().annotations().get(m.seq()).entities().stream().filter(e -> e.type() == EntityType.ORDER_REF).findFirst().orElseThrow();
        vm.understanding().removeEntity(m, order);
        assertFalse(vm.understanding().annotations().get(m.seq()).entities().contains(order));

        vm.understanding().correctIntent(m, "request_refund");
        assertEquals("request_refund", vm.understanding().annotations().get(m.seq()).intent().orElseThrow().intent());
        vm.understanding().correctIntent(m, "Not an intent!");
        assertTrue(notice(Locale.ENGLISH).contains("lower-case"), notice(Locale.ENGLISH));
        assertEquals(Notice.Kind.BACKGROUND_FAILED, vm.suggestions().noticeProperty().get().kind());
    }


    @Test
    void askingForAManagerShowsTheBannerAndSupervisorsAcknowledgeIt() {
        deskFor(agent);
        Conversation c = openAndSelect("Manager");
        backend.services.conversations().receiveFromCustomer(c.id(), "This is useless, let me speak to a manager");
        assertTrue(vm.understanding().escalations().stream().anyMatch(e -> e.reason() == EscalationReason.ASKED_FOR_HUMAN), vm.understanding().escalations().toString());
        assertTrue(vm.understanding().escalationBanner().contains("Asked for a person or a manager"), vm.understanding().escalationBanner());

        EscalationsViewModel list = new EscalationsViewModel(backend.services.understanding().escalations(), admin,
                new CurrentThreadTaskExecutor(), backend.services.io(), Texts.of(Locale.ENGLISH));
        list.start();
        try {
            Escalation open = list.items().stream().filter(e -> e.conversationId() == c.id()
                    && e.reason() == EscalationReason.ASKED_FOR_HUMAN).findFirst().orElseThrow();
            list.acknowledge(open);
            assertTrue(list.items().stream().noneMatch(e -> e.id() == open.id()), "open-only list drops it");
            list.openOnlyProperty().set(false);
            Escalation done = list.items().stream().filter(e -> e.id() == open.id()).findFirst().orElseThrow();
            assertEquals(Optional.of("admin"), done.acknowledgedBy());
            assertTrue(vm.understanding().escalations().stream().noneMatch(e -> e.id() == open.id()), "the desk's banner follows");
        } finally {
            list.dispose();
        }
    }

    @Test
    void intentComesFromKeywordsElseFromTheBestArticle() {
        var source = new app.tandem.assist.escalation.KbArticleIntentSource(backend.services.knowledgeBase(),
                new app.tandem.assist.escalation.KeywordIntentSource());
        var stolen = source.detect("my card was stolen this morning", app.tandem.nlp.Language.EN).orElseThrow();
        assertEquals("lost_or_stolen_card", stolen.intent());
        assertTrue(stolen.urgent());
        var wallet = source.detect("How do I add my card to Apple Pay or Google Pay on my phone?", app.tandem.nlp.Language.EN).orElseThrow();
        assertEquals("apple_pay_or_google_pay", wallet.intent());
        assertFalse(wallet.urgent());
        assertTrue(wallet.source().startsWith("article"), wallet.source());
        assertTrue(source.detect("hello", app.tandem.nlp.Language.EN).isEmpty());
    }
}
