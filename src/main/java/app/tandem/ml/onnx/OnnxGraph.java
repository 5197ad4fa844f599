package app.tandem.ml.onnx;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an ONNX model that weight import needs: initializers (and Constant node values,
 * which some exporters use for scales) by name, and the nodes in file order.
 */
public record OnnxGraph(Map<String, OnnxTensor> tensors, List<OnnxNode> nodes) {

    public Optional<OnnxTensor> tensor(String name) {
        return Optional.ofNullable(tensors.get(name));
    }

    public OnnxTensor require(String name) {
        OnnxTensor t = tensors.get(name);
        if (t == null) {
            throw new OnnxFormatException("ONNX graph has no tensor named '" + name + "'");
        }
        return t;
    }

    /** The nodes that read a tensor, e.g. the MatMul that consumes an anonymous weight. */
    public List<OnnxNode> consumersOf(String tensorName) {
        return nodes.stream().filter(n -> n.inputs().contains(tensorName)).toList();
    }

    public Optional<OnnxNode> producerOf(String tensorName) {
        return nodes.stream().filter(n -> n.outputs().contains(tensorName)).findFirst();
    }
}
