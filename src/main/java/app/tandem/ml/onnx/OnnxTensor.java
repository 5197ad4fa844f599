package app.tandem.ml.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tensor as stored in an ONNX file: its name, element type, dimensions and the raw
 * little-endian bytes (a read-only, zero-offset view into the file, not a copy).
 */
public record OnnxTensor(String name, int dataType, long[] dims, ByteBuffer data) {

    public static final int FLOAT = 1;
    public static final int UINT8 = 2;
    public static final int INT8 = 3;
    public static final int INT32 = 6;
    public static final int INT64 = 7;

    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** The values widened to float, whatever the stored integer or float type. */
    public float[] toFloats() {
        int n = Math.toIntExact(elementCount());
        float[] out = new float[n];
        // slice(): the buffer may start at an offset inside the file's bytes; indexed reads must not see it.
        ByteBuffer b = data.slice().order(ByteOrder.LITTLE_ENDIAN);
        switch (dataType) {
            case FLOAT -> b.asFloatBuffer().get(out);
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.get(i) & 0xFF;
                }
            }
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.get(i);
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getInt(i * 4);
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = b.getLong(i * 8);
                }
            }
            default -> throw new OnnxFormatException(
                    "tensor " + name + " has unsupported ONNX data type " + dataType);
        }
        if (b.capacity() < expectedBytes()) {
            throw new OnnxFormatException("tensor " + name + " holds " + b.capacity()
                    + " bytes, its shape " + Arrays.toString(dims) + " needs " + expectedBytes());
        }
        return out;
    }

    private long expectedBytes() {
        int width = switch (dataType) {
            case FLOAT, INT32 -> 4;
            case INT64 -> 8;
            default -> 1;
        };
        return elementCount() * width;
    }

    @Override
    public String toString() {
        return "OnnxTensor[" + name + " type=" + dataType + " dims=" + Arrays.toString(dims) + "]";
    }
}
