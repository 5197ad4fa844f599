package app.tandem.assist.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.ml.train.HeadTrainer;
import app.tandem.ml.train.TrainingMonitor;
import app.tandem.nlp.Language;
import app.tandem.nlp.intent.InMemoryIntentExamples;
import app.tandem.nlp.intent.IntentModelStore;
import app.tandem.nlp.intent.IntentModelTrainer;
import app.tandem.nlp.intent.IntentModels;
import app.tandem.nlp.intent.IntentTrainingSet;
import app.tandem.nlp.intent.PromotedIntentModel;
import app.tandem.nlp.intent.ToyIntents;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's intent source over real models: a small head trained here on the frozen MiniLM encoder,
 * promoted, rolled back; out-of-scope turns and turns in another language fall back to the old chain.
 */
@Slow
class ModelIntentSourceTest {

    private static final List<String> OUT_OF_SCOPE = List.of("what's the weather tomorrow", "play some jazz",
            "set an alarm for seven", "who won the football last night", "translate hello into french",
            "tell me a joke", "how tall is mount everest", "book a table for two tonight");

    /** The old chain, recognisable in the answers. */
    private static final IntentSource FALLBACK = (text, language) -> Optional.of(new DetectedIntent("from_fallback", 0.6, false, DetectedIntent.Origin.ARTICLE, "fallback"));

    private static IntentModelTrainer.Request request(UnaryOperator<String> rename, boolean promote) {
        return IntentModelTrainer.Request.of(ToyIntents.examples(1, 6, rename), "toy")
                .withValidation(ToyIntents.examples(7, 8, rename), OUT_OF_SCOPE)
                .withHead(HeadTrainer.Settings.defaults().withMaxEpochs(60))
                .withPromotion(promote);
    }

    @Test
    void promotedModelNamesTheIntentRollbackSwitchesBackAndOutOfScopeFallsBack(@TempDir Path dir) throws Exception {
        IntentModelStore store = new IntentModelStore(dir.resolve("intent"));
        // No shared encoders here: each version loads its own copy of MiniLM, as a fine-tuned one would.
        try (PromotedIntentModel promoted = new PromotedIntentModel(store, Optional::empty)) {
            IntentModels models = new IntentModels(new IntentModelTrainer(store, Clock.systemUTC()),
                    new IntentTrainingSet(new InMemoryIntentExamples(), Clock.systemUTC()), promoted);
            ModelIntentSource source = new ModelIntentSource(promoted, FALLBACK, new KeywordIntentSource());
            String late = "my card still hasn't come";
            assertEquals("fallback", source.detect(late, Language.EN).orElseThrow().detail(), "no model yet");

            // The first run is promoted and the desk switches to it without being told more.
            assertTrue(models.train(request(UnaryOperator.identity(), true), TrainingMonitor.NONE).promoted());
            DetectedIntent first = source.detect(late, Language.EN).orElseThrow();
            assertEquals("card_arrival", first.intent());
            assertEquals(DetectedIntent.Origin.MODEL, first.origin());
            assertEquals("v001", first.detail());
            assertTrue(first.source().startsWith("intent model v001 ("), first.source());
            assertTrue(source.detect("I think my card was stolen", Language.EN).orElseThrow().urgent(),
                    "an urgent intent from the model escalates like one from the rules");

            // Out of scope (the threshold was calibrated on out-of-scope sentences): the old chain answers.
            assertTrue(promoted.outOfScopeThreshold() > 0);
            assertEquals("fallback", source.detect("play some jazz", Language.EN).orElseThrow().detail());
            // An English encoder cannot read Chinese: the old chain answers.
            assertEquals("fallback", source.detect("我的卡还没到", Language.ZH).orElseThrow().detail());

            // A second version with other names, filed without promotion, then promoted from the Training tab.
            IntentModelTrainer.Outcome second = models.train(request(n -> "v2_" + n, false), TrainingMonitor.NONE);
            assertEquals("v002", second.version());
            assertEquals("card_arrival", source.detect(late, Language.EN).orElseThrow().intent(), "not promoted: v001 stays");
            models.promote("v002");
            DetectedIntent now = source.detect(late, Language.EN).orElseThrow();
            assertEquals("v2_card_arrival", now.intent());
            assertEquals("v002", now.detail());

            assertEquals(Optional.of("v001"), models.rollback());
            assertEquals("card_arrival", source.detect(late, Language.EN).orElseThrow().intent());
            assertEquals(Optional.of("v001"), promoted.version());
        }
    }

    @Test
    void urgentKeywordsOverrideACalmModelAnswer(@TempDir Path dir) throws Exception {
        IntentModelStore store = new IntentModelStore(dir.resolve("intent"));
        try (PromotedIntentModel promoted = new PromotedIntentModel(store, Optional::empty)) {
            new IntentModelTrainer(store, Clock.systemUTC()).train(request(UnaryOperator.identity(), true), TrainingMonitor.NONE);
            promoted.reload();
            // Rules that find an urgent intent in anything: what matters is what happens when the model is sure and calm.
            IntentSource alarmed = (t, l) -> Optional.of(new DetectedIntent("compromised_account", 0.7, true, DetectedIntent.Origin.KEYWORDS, ""));
            ModelIntentSource source = new ModelIntentSource(promoted, FALLBACK, alarmed);
            String text = "I want to top up my account";
            assertEquals("top_up", promoted.classify(text, "en").orElseThrow().prediction().intent(), "the model alone is calm");
            DetectedIntent d = source.detect(text, Language.EN).orElseThrow();
            assertEquals("compromised_account", d.intent());
            assertTrue(d.urgent());
            assertEquals("keywords", d.source());
        }
    }
}
