package app.tandem.ml.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained softmax classifier over sentence vectors, as plain arrays: {@code logits = W v + b}.
 * Inference is a 77 x 384 product, so it runs in plain Java on the caller's thread, without DJL.
 *
 * @param labels  class names, in row order of {@code weights}
 * @param dims    vector dimensions
 * @param weights row-major (classes, dims)
 * @param bias    one per class
 */
public record LinearHead(List<String> labels, int dims, float[] weights, float[] bias) {

    private static final int MAGIC = 0x54484431; // "THD1"

    public LinearHead {
        labels = List.copyOf(labels);
        if (weights.length != labels.size() * dims || bias.length != labels.size()) {
            throw new IllegalArgumentException("head of " + labels.size() + " classes x " + dims
                    + " dims needs " + labels.size() * dims + " weights and " + labels.size() + " biases");
        }
    }

    public int classes() {
        return labels.size();
    }

    /** Softmax probabilities for one vector, in label order. */
    public float[] probabilities(float[] vector) {
        if (vector.length != dims) {
            throw new IllegalArgumentException("vector has " + vector.length + " dims, head expects " + dims);
        }
        int c = classes();
        double[] logits = new double[c];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
            double s = bias[k];
            int base = k * dims;
            for (int d = 0; d < dims; d++) {
                s += weights[base + d] * vector[d];
            }
            logits[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < c; k++) {
            logits[k] = Math.exp(logits[k] - max);
            sum += logits[k];
        }
        float[] p = new float[c];
        for (int k = 0; k < c; k++) {
            p[k] = (float) (logits[k] / sum);
        }
        return p;
    }

    /** Index of the largest value. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    public void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            writeTo(out);
        }
    }

    /** Writes the head into a stream that holds more than the head (a feature model's file, say). */
    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(classes());
        out.writeInt(dims);
        for (String l : labels) {
            out.writeUTF(l);
        }
        for (float w : weights) {
            out.writeFloat(w);
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
    }

    public static LinearHead read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            return readFrom(in, file.toString());
        }
    }

    /** Reads a head written by {@link #writeTo}; {@code source} names the file in error messages. */
    static LinearHead readFrom(DataInputStream in, String source) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException(source + " is not an intent head file");
        }
        int classes = in.readInt();
        int dims = in.readInt();
        if (classes <= 0 || dims <= 0 || (long) classes * dims > 50_000_000L) {
            throw new IOException(source + ": implausible head size " + classes + " x " + dims);
        }
        List<String> labels = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            labels.add(in.readUTF());
        }
        float[] w = new float[classes * dims];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readFloat();
        }
        float[] b = new float[classes];
        for (int i = 0; i < b.length; i++) {
            b[i] = in.readFloat();
        }
        return new LinearHead(labels, dims, w, b);
    }
}
