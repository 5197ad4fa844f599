package app.tandem.ml.onnx;

import java.util.List;

/** One operator of the graph; only what weight naming needs (attributes are kept only for Constant). */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs) {
}
