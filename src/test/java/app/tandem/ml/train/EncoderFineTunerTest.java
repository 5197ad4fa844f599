package app.tandem.ml.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import app.tandem.Slow;
import app.tandem.ml.TestEncoders;
import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.TrainedWeights;
import app.tandem.ml.catalog.ModelDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A few fine-tuning steps on a tiny batch: the loss goes down and the saved encoder weights differ. */
@Slow
class EncoderFineTunerTest {

    private static final List<String> TEXTS = List.of(
            "my card has not arrived yet", "when will my new card come", "still waiting for the card in the post",
            "the card never showed up", "I want to top up my account", "how do I add money",
            "top up with my debit card", "put some money on my balance");
    private static final int[] LABELS = {0, 0, 0, 0, 1, 1, 1, 1};

    @Test
    void fineTuningLowersTheLossAndChangesTheEncoder(@TempDir Path dir) throws Exception {
        ModelDescriptor d = TestEncoders.descriptor(TestEncoders.MINILM);
        FineTuningSettings s = FineTuningSettings.defaults().onCpu().withEpochs(4).withBatchSize(8)
                .withLearningRate(5e-4f).withEvaluationsPerEpoch(1).withContrastiveWeight(0.1f);
        EncoderFineTuner.Result result = EncoderFineTuner.fineTune(d, Optional.empty(),
                new EncoderFineTuner.Data(TEXTS, LABELS, TEXTS.subList(0, 2), new int[] {0, 0}, List.of("what is the weather"),
                        List.of("card_arrival", "top_up")),
                Optional.empty(), s, dir.resolve("encoder"), Map.of("test", "true"), TrainingMonitor.NONE);
        assertEquals(4, result.curve().size());
        double first = result.curve().get(0).trainLoss();
        double last = result.curve().get(3).trainLoss();
        assertTrue(last < first, "train loss " + first + " -> " + last);
        assertEquals(4, result.steps());
        assertEquals(1, result.extraProbabilities().length);
        assertTrue(TrainedWeights.present(dir.resolve("encoder")));

        BertSentenceEncoder original = TestEncoders.get(TestEncoders.MINILM);
        try (BertSentenceEncoder tuned = BertSentenceEncoder.load(d, Device.cpu(), Optional.of(dir.resolve("encoder")))) {
            String name = "layer5.qkv.weight";
            NDArray before = original.block().getParameters().get(name).getArray();
            NDArray after = tuned.block().getParameters().get(name).getArray();
            try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
                NDArray a = before.duplicate();
                NDArray b = after.duplicate();
                a.attach(m);
                b.attach(m);
                float change = a.sub(b).abs().max().getFloat();
                assertTrue(change > 0, "fine-tuned weights equal the imported ones");
            }
            NDArray word = tuned.block().getParameters().get("embeddings.word").getArray();
            NDArray wordBefore = original.block().getParameters().get("embeddings.word").getArray();
            assertEquals(wordBefore.getShape(), word.getShape());
        }
    }
}
