package app.tandem.ml.bert;

import app.tandem.ml.catalog.BertArchitecture;
import app.tandem.ml.onnx.OnnxFormatException;
import app.tandem.ml.onnx.OnnxGraph;
import app.tandem.ml.onnx.OnnxNode;
import app.tandem.ml.onnx.OnnxTensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the initializers of a HuggingFace BERT exported to ONNX (plain fp32, or int8 from ONNX
 * Runtime's dynamic quantisation) into fp32 tensors named after {@link BertEncoderBlock}'s parameters.
 *
 * <p>Exporters give MatMul weights anonymous names ({@code onnx::MatMul_787}); the node that consumes
 * a weight carries the module path ({@code /encoder/layer.0/attention/self/query/MatMul}), so weights
 * are found through their consumer. Biases and LayerNorm tensors keep their PyTorch names.
 *
 * <p>int8 weights: {@code MatMulInteger(x_q, W_q, x_zp, W_zp)} with a per-output-column scale and int8
 * zero point; dequantised as {@code W = (W_q - zp[col]) * scale[col]}. Embedding tables are uint8 with
 * one scale and zero point, read through {@code DequantizeLinear}. We dequantise once on import and
 * run fp32: ONNX Runtime also quantises activations at run time, which we do not imitate.
 *
 * <p>ONNX stores MatMul weights as (in, out); {@code linear} wants (out, in), so they are transposed,
 * and Q, K and V are stacked into one (3H, H) weight so attention needs one matrix product, not three.
 */
public final class BertOnnxImporter {

    private BertOnnxImporter() {
    }

    public static Map<String, FloatTensor> importWeights(OnnxGraph graph, BertArchitecture arch) {
        Map<String, FloatTensor> out = new LinkedHashMap<>();
        int h = arch.hidden();
        out.put(BertParameterNames.WORD_EMBEDDINGS,
                expect(embedding(graph, "embeddings.word_embeddings.weight"), arch.vocabulary(), h));
        out.put(BertParameterNames.POSITION_EMBEDDINGS,
                expect(embedding(graph, "embeddings.position_embeddings.weight"), arch.maxPositions(), h));
        out.put(BertParameterNames.TOKEN_TYPE_EMBEDDINGS,
                expect(embedding(graph, "embeddings.token_type_embeddings.weight"), arch.typeVocabulary(), h));
        out.put(BertParameterNames.EMBEDDING_NORM_GAMMA, vector(graph, "embeddings.LayerNorm.weight", h));
        out.put(BertParameterNames.EMBEDDING_NORM_BETA, vector(graph, "embeddings.LayerNorm.bias", h));

        for (int i = 0; i < arch.layers(); i++) {
            String onnx = "/encoder/layer." + i + "/";
            String torch = "encoder.layer." + i + ".";
            BertParameterNames.Layer p = BertParameterNames.layer(i);

            FloatTensor q = linearWeight(graph, onnx + "attention/self/query/", h, h);
            FloatTensor k = linearWeight(graph, onnx + "attention/self/key/", h, h);
            FloatTensor v = linearWeight(graph, onnx + "attention/self/value/", h, h);
            out.put(p.qkvWeight(), FloatTensor.concatRows(q, k, v));
            out.put(p.qkvBias(), FloatTensor.concatRows(
                    vector(graph, torch + "attention.self.query.bias", h),
                    vector(graph, torch + "attention.self.key.bias", h),
                    vector(graph, torch + "attention.self.value.bias", h)));
            out.put(p.attentionOutWeight(), linearWeight(graph, onnx + "attention/output/dense/", h, h));
            out.put(p.attentionOutBias(), vector(graph, torch + "attention.output.dense.bias", h));
            out.put(p.attentionNormGamma(), vector(graph, torch + "attention.output.LayerNorm.weight", h));
            out.put(p.attentionNormBeta(), vector(graph, torch + "attention.output.LayerNorm.bias", h));
            out.put(p.intermediateWeight(),
                    linearWeight(graph, onnx + "intermediate/dense/", h, arch.intermediate()));
            out.put(p.intermediateBias(), vector(graph, torch + "intermediate.dense.bias", arch.intermediate()));
            out.put(p.outputWeight(), linearWeight(graph, onnx + "output/dense/", arch.intermediate(), h));
            out.put(p.outputBias(), vector(graph, torch + "output.dense.bias", h));
            out.put(p.outputNormGamma(), vector(graph, torch + "output.LayerNorm.weight", h));
            out.put(p.outputNormBeta(), vector(graph, torch + "output.LayerNorm.bias", h));
        }
        if (graph.nodes().stream().anyMatch(n -> n.name().startsWith("/encoder/layer." + arch.layers() + "/"))) {
            throw new OnnxFormatException("the ONNX model has more than the " + arch.layers()
                    + " layers its descriptor declares");
        }
        return out;
    }

    /** The (out, in) weight of the linear layer under {@code modulePath}, whichever MatMul form it uses. */
    private static FloatTensor linearWeight(OnnxGraph graph, String modulePath, int in, int out) {
        OnnxNode node = graph.nodes().stream()
                .filter(n -> n.name().startsWith(modulePath + "MatMul"))
                .filter(n -> n.opType().equals("MatMul") || n.opType().equals("MatMulInteger"))
                .findFirst()
                .orElseThrow(() -> new OnnxFormatException("no MatMul node under " + modulePath));
        FloatTensor w = node.opType().equals("MatMul")
                ? floats(graph.require(node.inputs().get(1)))
                : dequantiseColumns(graph, node);
        return expect(w, in, out).transpose2d();
    }

    private static FloatTensor dequantiseColumns(OnnxGraph graph, OnnxNode node) {
        OnnxTensor wq = graph.require(node.inputs().get(1));
        if (node.inputs().size() < 4) {
            throw new OnnxFormatException(node.name() + " has no weight zero point");
        }
        float[] zeroPoint = graph.require(node.inputs().get(3)).toFloats();
        // quantize_dynamic names the scale after the weight; its consumer Mul is the only other link to it
        String base = wq.name().endsWith("_quantized")
                ? wq.name().substring(0, wq.name().length() - "_quantized".length())
                : wq.name();
        float[] scale = graph.require(base + "_scale").toFloats();
        float[] q = wq.toFloats();
        int rows = (int) wq.dims()[0];
        int cols = (int) wq.dims()[1];
        boolean perColumn = scale.length == cols;
        if (!perColumn && scale.length != 1 || zeroPoint.length != scale.length) {
            throw new OnnxFormatException(node.name() + ": scale/zero point of " + scale.length + "/"
                    + zeroPoint.length + " values do not fit a " + rows + "x" + cols + " weight");
        }
        float[] w = new float[q.length];
        for (int r = 0; r < rows; r++) {
            int base2 = r * cols;
            for (int c = 0; c < cols; c++) {
                int s = perColumn ? c : 0;
                w[base2 + c] = (q[base2 + c] - zeroPoint[s]) * scale[s];
            }
        }
        return new FloatTensor(w, new long[] {rows, cols});
    }

    /** An embedding table: fp32 as is, or uint8 + one scale + one zero point. */
    private static FloatTensor embedding(OnnxGraph graph, String name) {
        Optional<OnnxTensor> plain = graph.tensor(name);
        if (plain.isPresent()) {
            return floats(plain.get());
        }
        OnnxTensor q = graph.tensor(name + "_quantized").orElseThrow(
                () -> new OnnxFormatException("ONNX model has neither " + name + " nor its quantised form"));
        float[] scale = graph.require(name + "_scale").toFloats();
        float[] zeroPoint = graph.require(name + "_zero_point").toFloats();
        if (scale.length != 1 || zeroPoint.length != 1) {
            throw new OnnxFormatException(name + ": only per-tensor quantised embeddings are supported");
        }
        float[] w = q.toFloats();
        for (int i = 0; i < w.length; i++) {
            w[i] = (w[i] - zeroPoint[0]) * scale[0];
        }
        return new FloatTensor(w, q.dims().clone());
    }

    private static FloatTensor vector(OnnxGraph graph, String name, int size) {
        FloatTensor t = floats(graph.require(name));
        if (t.data().length != size) {
            throw new OnnxFormatException(name + " has " + t.data().length + " values, expected " + size);
        }
        return new FloatTensor(t.data(), new long[] {size});
    }

    private static FloatTensor floats(OnnxTensor t) {
        return new FloatTensor(t.toFloats(), t.dims().clone());
    }

    private static FloatTensor expect(FloatTensor t, long rows, long cols) {
        if (t.shape().length != 2 || t.shape()[0] != rows || t.shape()[1] != cols) {
            throw new OnnxFormatException("tensor of shape " + Arrays.toString(t.shape())
                    + " where the descriptor implies [" + rows + ", " + cols + "]");
        }
        return t;
    }
}
