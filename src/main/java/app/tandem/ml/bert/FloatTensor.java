package app.tandem.ml.bert;

import java.util.Arrays;

/** A dense row-major float tensor on the Java heap: the importer's output, before it becomes an NDArray. */
public record FloatTensor(float[] data, long[] shape) {

    public FloatTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
    }

    /** The (rows, cols) matrix transposed to (cols, rows). */
    public FloatTensor transpose2d() {
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        float[] out = new float[data.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = data[base + c];
            }
        }
        return new FloatTensor(out, new long[] {cols, rows});
    }

    /** Stacks tensors with the same trailing dimensions along the first one (e.g. Q, K, V rows). */
    public static FloatTensor concatRows(FloatTensor... parts) {
        long rows = 0;
        int total = 0;
        for (FloatTensor p : parts) {
            rows += p.shape[0];
            total += p.data.length;
        }
        float[] out = new float[total];
        int offset = 0;
        for (FloatTensor p : parts) {
            System.arraycopy(p.data, 0, out, offset, p.data.length);
            offset += p.data.length;
        }
        long[] shape = parts[0].shape.clone();
        shape[0] = rows;
        return new FloatTensor(out, shape);
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
