package app.tandem.assist.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.nlp.entities.EntityExtractor;
import app.tandem.nlp.intent.InMemoryIntentExamples;
import app.tandem.nlp.intent.IntentTrainingSet;
import app.tandem.nlp.sentiment.SentimentService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A customer turn is understood once even when two callers ask at the same moment: the background pass
 * over every arriving turn and the desk showing its conversation both do.
 */
class TurnUnderstoodOnceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), ZoneOffset.UTC);

    /** Names no intent, counts how often it is asked, and holds the first caller until the second has asked too. */
    private static final class SlowIntents implements IntentSource {
        final AtomicInteger asked = new AtomicInteger();
        final CountDownLatch firstInside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Optional<DetectedIntent> detect(String text, app.tandem.nlp.Language language) {
            asked.incrementAndGet();
            firstInside.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }

    @Test
    void twoCallersAtOnceRunTheModelsOnceAndGetTheSameAnswer() throws Exception {
        InMemoryEscalations store = new InMemoryEscalations();
        SlowIntents intents = new SlowIntents();
        TurnUnderstanding understanding = new TurnUnderstanding(new SentimentService(Optional::empty, Runnable::run),
                new EntityExtractor(clock), intents, new EscalationService(store, clock), store,
                new IntentTrainingSet(new InMemoryIntentExamples(), clock), clock);
        Message turn = new Message(1, 7, 1, Author.CUSTOMER, "let me speak to a manager", MessageOrigin.CUSTOMER,
                OptionalLong.empty(), Optional.empty(), clock.instant());
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Optional<TurnAnnotation>> first = two.submit(() -> understanding.annotate(turn));
            assertTrue(intents.firstInside.await(5, TimeUnit.SECONDS));
            Future<Optional<TurnAnnotation>> second = two.submit(() -> understanding.annotate(turn));
            // The second caller is now waiting (or about to); let the first finish.
            Thread.sleep(50);
            intents.release.countDown();
            TurnAnnotation a = first.get(5, TimeUnit.SECONDS).orElseThrow();
            TurnAnnotation b = second.get(5, TimeUnit.SECONDS).orElseThrow();
            assertSame(a, b);
            assertEquals(1, intents.asked.get(), "the turn's models ran once");
            assertEquals(1, understanding.escalations().openFor(7).size(), "its escalation raised once");
        } finally {
            two.shutdownNow();
        }
    }
}
