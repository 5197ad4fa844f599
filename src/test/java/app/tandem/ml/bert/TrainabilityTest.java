package app.tandem.ml.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import app.tandem.ml.TestEncoders;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The imported block is an ordinary DJL block: gradients reach its weights (what fine-tuning needs). */
class TrainabilityTest {

    @Test
    void gradientsFlowToEmbeddingsAndAttentionWeights() throws Exception {
        try (BertSentenceEncoder encoder = BertSentenceEncoder.load(TestEncoders.descriptor(TestEncoders.BGE_ZH),
                Device.cpu(), Optional.empty())) {
            BertEncoderBlock block = encoder.block();
            for (Parameter p : block.getParameters().values()) {
                p.getArray().setRequiresGradient(true);
            }
            TokenBatch batch = new TokenBatch(List.of(encoder.tokenize("信用卡丢了"), encoder.tokenize("怎么修改密码呢")));
            NDManager modelManager = block.getParameters().get(0).getValue().getArray().getManager();
            try (NDManager m = modelManager.newSubManager();
                    GradientCollector collector = Engine.getEngine(BertSentenceEncoder.ENGINE).newGradientCollector()) {
                NDList inputs = batch.pad(m);
                assertEquals(2, inputs.size(), "sentences of different lengths: ids and mask");
                NDArray vectors = block.forward(new ParameterStore(m, false), inputs, true).singletonOrThrow();
                // pull the two sentences together: a contrastive-style objective in miniature
                NDArray loss = vectors.get(0).mul(vectors.get(1)).sum().neg();
                collector.backward(loss);
                assertTrue(gradientNorm(block, BertParameterNames.layer(0).qkvWeight()) > 0);
                assertTrue(gradientNorm(block, BertParameterNames.WORD_EMBEDDINGS) > 0);
                assertTrue(gradientNorm(block, BertParameterNames.layer(3).outputNormGamma()) > 0);
            }
        }
    }

    private static float gradientNorm(BertEncoderBlock block, String name) {
        return block.getParameters().get(name).getArray().getGradient().norm().getFloat();
    }
}
