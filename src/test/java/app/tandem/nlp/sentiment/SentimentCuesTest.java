package app.tandem.nlp.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Without language models: the lexical cues decide, and every result says so. */
class SentimentCuesTest {

    private final SentimentService service = new SentimentService(Optional::empty, Runnable::run);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "URGENT | My card has been stolen, block it immediately",
        "URGENT | 我的卡被盗刷了，马上冻结",
        "ANGRY | This is ridiculous, you people are useless!!!",
        "ANGRY | 太离谱了，气死我了",
        "NEGATIVE | I'm disappointed, my card still hasn't arrived",
        "NEGATIVE | 卡还没收到，很失望",
        "NEUTRAL | How do I order a new debit card?",
        "NEUTRAL | 请问怎么激活新卡？",
    })
    void cuesAloneFlagTurns(Sentiment expected, String text) {
        SentimentResult r = service.classify(text);
        assertEquals(expected, r.sentiment(), () -> r.toString());
        assertEquals(SentimentResult.Method.CUES_ONLY, r.method());
        assertTrue(r.note().contains("not loaded"), r.note());
        if (expected != Sentiment.NEUTRAL) {
            assertFalse(r.cues().isEmpty());
        }
    }

    @Test
    void bundledSetIsBalancedBilingualAndLargeEnough() {
        List<LabelledTurn> all = SentimentTurns.bundled();
        assertTrue(all.size() >= 600, "turns: " + all.size());
        for (var language : app.tandem.nlp.Language.values()) {
            for (Sentiment s : Sentiment.values()) {
                long n = all.stream().filter(t -> t.language() == language && t.label() == s).count();
                assertTrue(n >= 70, language + "/" + s + ": " + n);
            }
        }
        assertEquals(all.size(), all.stream().map(LabelledTurn::text).distinct().count(), "no duplicate turns");
    }

    @Test
    void cuesOnlyBeatChanceOnTheHeldOutSplit() {
        SentimentTurns.Split split = SentimentTurns.stratified(SentimentTurns.bundled(), 0.25, 7);
        SentimentClassifier cues = SentimentClassifier.cuesOnly("test");
        SentimentEvaluation.Report r = SentimentEvaluation.evaluate("cues", split.held(),
                texts -> cues.classifyAll(texts, SentimentClassifier.Mode.CUES_ONLY).stream().map(SentimentResult::sentiment).toList());
        assertTrue(r.accuracy() > 0.5, "cues-only accuracy " + r.accuracy());
    }

    @Test
    void splitIsStratifiedAndStable() {
        List<LabelledTurn> all = SentimentTurns.bundled();
        SentimentTurns.Split a = SentimentTurns.stratified(all, 0.25, 7);
        SentimentTurns.Split b = SentimentTurns.stratified(all, 0.25, 7);
        assertEquals(a.held(), b.held());
        assertEquals(all.size(), a.train().size() + a.held().size());
        assertTrue(a.held().stream().noneMatch(a.train()::contains));
    }

    @Test
    void unknownLabelIsAClearError() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Sentiment.parse("furious"));
        assertTrue(e.getMessage().contains("neutral, negative, angry or urgent"));
    }
}
