package app.tandem.ml.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.ml.TestEncoders;
import app.tandem.ml.catalog.ModelFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OnnxReaderTest {

    @Test
    void anonymousMatMulWeightsAreNamedByTheirConsumer() throws Exception {
        OnnxGraph g = OnnxReader.read(ModelFiles.onnx(TestEncoders.descriptor(TestEncoders.MINILM)));
        OnnxNode query = g.nodes().stream()
                .filter(n -> n.name().equals("/encoder/layer.0/attention/self/query/MatMul"))
                .findFirst().orElseThrow();
        OnnxTensor weight = g.require(query.inputs().get(1));
        assertTrue(weight.name().startsWith("onnx::MatMul_"), weight.name());
        assertArrayEquals(new long[] {384, 384}, weight.dims());
        assertEquals(384 * 384, weight.toFloats().length);
        assertEquals(query, g.consumersOf(weight.name()).get(0));
    }

    @Test
    void quantisedModelExposesInt8WeightsScalesAndZeroPoints() throws Exception {
        OnnxGraph g = OnnxReader.read(ModelFiles.onnx(TestEncoders.descriptor(TestEncoders.BGE_ZH)));
        OnnxNode node = g.nodes().stream().filter(n -> n.opType().equals("MatMulInteger")).findFirst().orElseThrow();
        OnnxTensor w = g.require(node.inputs().get(1));
        assertEquals(OnnxTensor.INT8, w.dataType());
        assertEquals(OnnxTensor.UINT8, g.require("embeddings.word_embeddings.weight_quantized").dataType());
        assertEquals(1, g.require("embeddings.word_embeddings.weight_scale").toFloats().length);
    }

    @Test
    void garbageIsRejectedWithAClearMessage() {
        byte[] notOnnx = "this is not a model".getBytes(StandardCharsets.UTF_8);
        OnnxFormatException e = assertThrows(OnnxFormatException.class, () -> OnnxReader.read(notOnnx));
        assertTrue(e.getMessage().contains("ONNX"), e.getMessage());
    }
}
