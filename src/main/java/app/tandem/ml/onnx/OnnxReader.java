package app.tandem.ml.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the weights and node wiring of an ONNX model straight from its protobuf bytes.
 *
 * <p>Generating the whole ONNX protobuf API would add thousands of classes for the five messages
 * and dozen fields we need, so this walks the wire format with {@link CodedInputStream} and skips
 * everything else. Field numbers are those of onnx.proto3 (ModelProto.graph = 7, GraphProto.node = 1,
 * GraphProto.initializer = 5, ...).
 */
public final class OnnxReader {

    // ModelProto
    private static final int MODEL_GRAPH = 7;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    // AttributeProto
    private static final int ATTR_NAME = 1;
    private static final int ATTR_TENSOR = 5;
    // TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_INT32_DATA = 5;
    private static final int TENSOR_INT64_DATA = 7;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;

    private OnnxReader() {
    }

    public static OnnxGraph read(byte[] modelBytes) {
        return read(ByteString.copyFrom(modelBytes));
    }

    public static OnnxGraph read(InputStream in) throws IOException {
        return read(ByteString.readFrom(in));
    }

    private static OnnxGraph read(ByteString model) {
        try {
            CodedInputStream in = model.newCodedInput();
            // The file is mostly one big GraphProto; the default 64 MB limit would refuse larger models.
            in.setSizeLimit(Integer.MAX_VALUE);
            in.enableAliasing(true);
            Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
            List<OnnxNode> nodes = new ArrayList<>();
            boolean sawGraph = false;
            while (true) {
                int tag = in.readTag();
                if (tag == 0) {
                    break;
                }
                if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
                    readGraph(in.readBytes(), tensors, nodes);
                    sawGraph = true;
                } else {
                    in.skipField(tag);
                }
            }
            if (!sawGraph) {
                throw new OnnxFormatException("not an ONNX model: no graph found");
            }
            return new OnnxGraph(Map.copyOf(tensors), List.copyOf(nodes));
        } catch (IOException e) {
            throw new OnnxFormatException("not a readable ONNX model: " + e.getMessage(), e);
        }
    }

    private static void readGraph(ByteString graph, Map<String, OnnxTensor> tensors, List<OnnxNode> nodes)
            throws IOException {
        CodedInputStream in = graph.newCodedInput();
        in.setSizeLimit(Integer.MAX_VALUE);
        in.enableAliasing(true);
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                return;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case GRAPH_NODE -> readNode(in.readBytes(), tensors, nodes);
                case GRAPH_INITIALIZER -> {
                    OnnxTensor t = readTensor(in.readBytes(), null);
                    tensors.put(t.name(), t);
                }
                default -> in.skipField(tag);
            }
        }
    }

    private static void readNode(ByteString bytes, Map<String, OnnxTensor> tensors, List<OnnxNode> nodes)
            throws IOException {
        CodedInputStream in = bytes.newCodedInput();
        in.enableAliasing(true);
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        List<ByteString> attributes = new ArrayList<>();
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case NODE_INPUT -> inputs.add(in.readStringRequireUtf8());
                case NODE_OUTPUT -> outputs.add(in.readStringRequireUtf8());
                case NODE_NAME -> name = in.readStringRequireUtf8();
                case NODE_OP_TYPE -> opType = in.readStringRequireUtf8();
                case NODE_ATTRIBUTE -> attributes.add(in.readBytes());
                default -> in.skipField(tag);
            }
        }
        // Constant nodes carry small tensors (scales, shapes) under their output's name.
        if ("Constant".equals(opType) && outputs.size() == 1) {
            for (ByteString attr : attributes) {
                OnnxTensor value = readConstantValue(attr, outputs.get(0));
                if (value != null) {
                    tensors.put(value.name(), value);
                }
            }
        }
        nodes.add(new OnnxNode(name, opType, List.copyOf(inputs), List.copyOf(outputs)));
    }

    private static OnnxTensor readConstantValue(ByteString attr, String outputName) throws IOException {
        CodedInputStream in = attr.newCodedInput();
        in.enableAliasing(true);
        String attrName = "";
        ByteString tensor = null;
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            switch (WireFormat.getTagFieldNumber(tag)) {
                case ATTR_NAME -> attrName = in.readStringRequireUtf8();
                case ATTR_TENSOR -> tensor = in.readBytes();
                default -> in.skipField(tag);
            }
        }
        return "value".equals(attrName) && tensor != null ? readTensor(tensor, outputName) : null;
    }

    private static OnnxTensor readTensor(ByteString bytes, String nameOverride) throws IOException {
        CodedInputStream in = bytes.newCodedInput();
        in.setSizeLimit(Integer.MAX_VALUE);
        in.enableAliasing(true);
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        ByteBuffer typed = null;
        List<Number> typedValues = new ArrayList<>();
        while (true) {
            int tag = in.readTag();
            if (tag == 0) {
                break;
            }
            int field = WireFormat.getTagFieldNumber(tag);
            boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            switch (field) {
                case TENSOR_DIMS -> readInts(in, packed, dims);
                case TENSOR_DATA_TYPE -> dataType = in.readInt32();
                case TENSOR_NAME -> name = in.readStringRequireUtf8();
                case TENSOR_RAW_DATA -> raw = in.readBytes().asReadOnlyByteBuffer();
                case TENSOR_FLOAT_DATA -> readFloats(in, packed, typedValues);
                case TENSOR_INT32_DATA, TENSOR_INT64_DATA -> {
                    List<Long> values = new ArrayList<>();
                    readInts(in, packed, values);
                    typedValues.addAll(values);
                }
                case TENSOR_DATA_LOCATION -> {
                    if (in.readEnum() != 0) {
                        throw new OnnxFormatException("tensor data stored outside the .onnx file is not supported");
                    }
                }
                default -> in.skipField(tag);
            }
        }
        if (raw == null) {
            typed = encodeTyped(dataType, typedValues);
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        String tensorName = nameOverride != null ? nameOverride : name;
        return new OnnxTensor(tensorName, dataType, shape, raw != null ? raw.slice() : typed);
    }

    /** Small tensors (zero points, scalars) are sometimes stored in the typed fields, not raw_data. */
    private static ByteBuffer encodeTyped(int dataType, List<Number> values) {
        int width = switch (dataType) {
            case OnnxTensor.FLOAT, OnnxTensor.INT32 -> 4;
            case OnnxTensor.INT64 -> 8;
            default -> 1;
        };
        ByteBuffer b = ByteBuffer.allocate(values.size() * width).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (Number v : values) {
            switch (dataType) {
                case OnnxTensor.FLOAT -> b.putFloat(v.floatValue());
                case OnnxTensor.INT32 -> b.putInt(v.intValue());
                case OnnxTensor.INT64 -> b.putLong(v.longValue());
                // int8/uint8 live in int32_data, one value per element
                default -> b.put((byte) v.intValue());
            }
        }
        b.flip();
        return b.asReadOnlyBuffer();
    }

    private static void readInts(CodedInputStream in, boolean packed, List<Long> out) throws IOException {
        if (!packed) {
            out.add(in.readInt64());
            return;
        }
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
            out.add(in.readInt64());
        }
        in.popLimit(limit);
    }

    private static void readFloats(CodedInputStream in, boolean packed, List<Number> out) throws IOException {
        if (!packed) {
            out.add(in.readFloat());
            return;
        }
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
            out.add(in.readFloat());
        }
        in.popLimit(limit);
    }
}
