package app.tandem.nlp.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real encoders on CPU: the head trained on the training split, measured on the held-out split. */
@Slow
class SentimentModelTest {

    /** Measured 2026-03 with `tandem eval sentiment` (see README); the floor leaves room for CPU/GPU float noise. */
    static final double ACCURACY_FLOOR = 0.80;
    static final double MACRO_F1_FLOOR = 0.78;

    private static EncoderService encoders;

    @BeforeAll
    static void load() {
        encoders = EncoderService.start(EncoderSettings.defaults(Optional.empty()).withInferenceThreads(2));
    }

    @AfterAll
    static void close() {
        encoders.close();
    }

    @Test
    void combinedClassifierClearsTheFloorOnHeldOutTurns() {
        SentimentTurns.Split split = SentimentTurns.stratified(SentimentTurns.bundled(), 0.25, 7);
        SentimentClassifier classifier = SentimentClassifier.train(split.train(), encoders::encoderFor);
        SentimentEvaluation.Report r = SentimentEvaluation.evaluate("combined", split.held(),
                texts -> classifier.classifyAll(texts, SentimentClassifier.Mode.COMBINED).stream().map(SentimentResult::sentiment).toList());
        assertTrue(r.accuracy() >= ACCURACY_FLOOR, "accuracy " + r.accuracy());
        assertTrue(r.macroF1() >= MACRO_F1_FLOOR, "macro-F1 " + r.macroF1());

        SentimentResult one = classifier.classify("Someone is using my card, block it now");
        assertEquals(Sentiment.URGENT, one.sentiment());
        assertEquals(SentimentResult.Method.MODEL_AND_CUES, one.method());
    }

    @Test
    void serviceTrainsInTheBackgroundOnceEncodersAreReady() {
        SentimentService service = new SentimentService(() -> Optional.of(encoders), Runnable::run);
        SentimentResult r = service.classify("我的卡被偷了，马上帮我冻结");
        // Runnable::run trains on this thread before the first answer returns, so later calls use the model.
        assertEquals(SentimentResult.Method.MODEL_AND_CUES, service.classify("我的卡被偷了，马上帮我冻结").method());
        assertEquals(Sentiment.URGENT, r.sentiment());
    }
}
