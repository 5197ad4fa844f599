package app.tandem.ml.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import app.tandem.ml.TestEncoders;
import app.tandem.ml.TestSentences;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights saved in DJL format (as fine-tuning will) load in place of the imported ones, bit for bit. */
class SaveLoadRoundTripTest {

    @Test
    void savedWeightsReloadToIdenticalVectors(@TempDir Path dir) throws Exception {
        BertSentenceEncoder imported = TestEncoders.get(TestEncoders.BGE_ZH);
        Path folder = dir.resolve(imported.descriptor().id());
        assertFalse(TrainedWeights.present(folder));
        imported.saveWeights(folder, Map.of("split", "held-out", "accuracy", "0.5"));
        assertTrue(TrainedWeights.present(folder));
        assertEquals("0.5", TrainedWeights.report(folder).get("accuracy"));

        List<String> sentences = TestSentences.all().subList(0, 12);
        try (BertSentenceEncoder reloaded = BertSentenceEncoder.load(imported.descriptor(), Device.cpu(),
                        Optional.of(folder));
                EncoderWorker a = imported.newWorker(8);
                EncoderWorker b = reloaded.newWorker(8)) {
            assertTrue(reloaded.weightsSource().startsWith("trained weights"), reloaded.weightsSource());
            float[][] before = a.encode(imported.tokenize(sentences));
            float[][] after = b.encode(reloaded.tokenize(sentences));
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i], after[i], sentences.get(i));
            }
        }
    }
}
