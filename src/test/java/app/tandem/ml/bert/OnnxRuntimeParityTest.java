package app.tandem.ml.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.ml.TestEncoders;
import app.tandem.ml.TestSentences;
import app.tandem.ml.bench.OnnxRuntimeEncoder;
import app.tandem.ml.catalog.ModelFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tandem's encoder against ONNX Runtime running the very same ONNX file, pooled and normalised
 * the same way in Java.
 *
 * <p>fp32 (MiniLM) must agree to cosine 0.9999. For the int8 models ONNX Runtime quantises the
 * activations of each run dynamically (per batch), which we do not imitate — we run fp32 on
 * dequantised weights — so each sentence is compared run alone on both sides, and 0.99 is the bar
 * (BUILD-NOTES: ONNX Runtime disagrees with itself by 0.991 between batched and single runs).
 * One exception, measured: input made only of unknown word pieces (emoji-only text is
 * [CLS] [UNK] [UNK] [SEP]) gave 0.976 on bge-small-zh, because four near-identical activation rows
 * quantise badly on ONNX Runtime's side. Such input is held to 0.95 and reported separately.
 */
@Slow
class OnnxRuntimeParityTest {

    @ParameterizedTest
    @CsvSource({"all-minilm-l6-v2, 0.9999", "bge-small-en-v1.5, 0.99", "bge-small-zh-v1.5, 0.99"})
    void matchesOnnxRuntimeSentenceBySentence(String modelId, double minCosine) throws Exception {
        BertSentenceEncoder encoder = TestEncoders.get(modelId);
        List<String> sentences = TestSentences.all();
        assertTrue(sentences.size() >= 40, "at least 40 sentences");
        List<long[]> ids = encoder.tokenize(sentences);
        assertTrue(ids.stream().anyMatch(r -> r.length == encoder.descriptor().maxTokens()),
                "some sentences are long enough to be truncated");

        double worst = 1;
        String worstSentence = "";
        double worstUnknownOnly = 1;
        try (EncoderWorker worker = encoder.newWorker(32);
                OnnxRuntimeEncoder reference = new OnnxRuntimeEncoder(encoder.descriptor(),
                        ModelFiles.onnx(encoder.descriptor()), 2)) {
            List<float[]> single = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                float[] ours = worker.encode(List.of(ids.get(i)))[0];
                float[] theirs = reference.encode(List.of(ids.get(i)))[0];
                single.add(ours);
                assertEquals(encoder.descriptor().dimensions(), ours.length);
                double cos = TestEncoders.cosine(ours, theirs);
                if (onlyUnknownPieces(ids.get(i))) {
                    worstUnknownOnly = Math.min(worstUnknownOnly, cos);
                } else if (cos < worst) {
                    worst = cos;
                    worstSentence = sentences.get(i);
                }
            }
            assertTrue(worst >= minCosine, modelId + ": worst cosine " + worst + " on '" + worstSentence + "'");
            assertTrue(worstUnknownOnly >= Math.min(minCosine, 0.95),
                    modelId + ": unknown-only input cosine " + worstUnknownOnly);

            // Batched (padded, masked, sorted by length) must give the same vectors as one at a time.
            float[][] batched = worker.encode(ids);
            for (int i = 0; i < ids.size(); i++) {
                double cos = TestEncoders.cosine(batched[i], single.get(i));
                assertTrue(cos >= 0.99999, modelId + ": batch vs single cosine " + cos + " on '"
                        + sentences.get(i) + "'");
            }
        }
    }

    /** BERT vocabularies (English and Chinese alike) keep [UNK] at id 100. */
    private static boolean onlyUnknownPieces(long[] ids) {
        for (int i = 1; i < ids.length - 1; i++) {
            if (ids[i] != 100) {
                return false;
            }
        }
        return ids.length > 2;
    }
}
