package app.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.Suggestion;
import app.tandem.assist.Suggestions;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.nlp.intent.IntentDataImport;
import app.tandem.nlp.intent.IntentExample;
import app.tandem.nlp.intent.IntentExampleRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office's own intent examples, over the real H2: an agent's intent correction is one at once, a
 * conversation resolved with a one-intent article adds its question on close, and a training run gets
 * them together with an imported CSV.
 */
class OfficeIntentExamplesTest {

    @TempDir
    Path folder;
    private Tandem tandem;

    @BeforeEach
    void start() {
        tandem = TandemStartTest.start(folder);
    }

    @AfterEach
    void stop() {
        tandem.close();
    }

    private Message customerSays(Conversation c, String text) {
        return tandem.conversations.receiveFromCustomer(c.id(), text).orElseThrow();
    }

    @Test
    void correctionsAndResolvedConversationsBecomeTrainingExamples() {
        Conversation corrected = tandem.conversations.open(Optional.empty(), Channel.CHAT, "Correction");
        Message turn = customerSays(corrected, "the machine at the station kept my card, call me on 07700 900123");
        tandem.understanding.correctIntent(turn, "card_swallowed", "ann");
        List<IntentExampleRepository.StoredExample> stored = tandem.intentModels.examples().stored();
        assertEquals(1, stored.size());
        assertEquals("card_swallowed", stored.get(0).intent());
        assertFalse(stored.get(0).text().contains("07700"), stored.get(0).text());
        assertEquals("correction:" + corrected.id() + ":" + turn.seq(), stored.get(0).source());

        Conversation resolved = tandem.conversations.open(Optional.empty(), Channel.CHAT, "PIN");
        customerSays(resolved, "My PIN is blocked after three wrong tries");
        Suggestions s = tandem.assist.suggest(resolved.id(), tandem.conversations.messages(resolved.id()), "ann");
        Suggestion pin = s.replies().stream().filter(r -> r.sourceRef().equals("pin-blocked-en")).findFirst()
                .orElseThrow(() -> new AssertionError(s.replies().toString()));
        tandem.replies.send(resolved.id(), pin.text(), Optional.of(pin), "ann");
        tandem.conversations.close(resolved.id(), "PIN unblocked");

        assertTrue(tandem.intentModels.examples().examples().contains(
                new IntentExample("My PIN is blocked after three wrong tries", "pin_blocked")),
                tandem.intentModels.examples().examples().toString());
        assertEquals(2, tandem.intentModels.officeExampleCounts().total());
        assertEquals(2, tandem.intentModels.officeExampleCounts().sinceCurrentVersion(), "no model yet: all are new");

        // A run trains on an imported CSV and the office's examples together.
        IntentDataImport.Result data = tandem.intentModels.trainingData(List.of(new IntentExample("where is my card", "card_arrival")));
        assertEquals(3, data.examples().size(), data.summary());
        assertTrue(data.examples().stream().anyMatch(e -> e.intent().equals("card_swallowed")));
    }

    @Test
    void aCorrectedTurnIsNotLearnedAgainFromTheArticle() {
        Conversation c = tandem.conversations.open(Optional.empty(), Channel.CHAT, "PIN");
        Message turn = customerSays(c, "My PIN is blocked after three wrong tries");
        tandem.understanding.correctIntent(turn, "change_pin", "ann");
        Suggestions s = tandem.assist.suggest(c.id(), tandem.conversations.messages(c.id()), "ann");
        Suggestion pin = s.replies().stream().filter(r -> r.sourceRef().equals("pin-blocked-en")).findFirst()
                .orElseThrow(() -> new AssertionError(s.replies().toString()));
        tandem.replies.send(c.id(), pin.text(), Optional.of(pin), "ann");
        tandem.conversations.close(c.id(), "done");
        assertEquals(List.of("change_pin"), tandem.intentModels.examples().examples().stream().map(IntentExample::intent).toList());
    }
}
