package app.tandem.ml.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Centres and scales features by the training rows' mean and standard deviation, so that one
 * learning rate suits a 0..1 rate and a log of days alike. Missing values (NaN) are left out of the
 * fit and become the mean (0 after scaling): old log rows that lack a signal then say nothing either way.
 *
 * @param means  one per feature
 * @param scales one per feature, never 0 (a constant feature keeps scale 1)
 */
public record Standardizer(float[] means, float[] scales) {

    public Standardizer {
        if (means.length != scales.length) {
            throw new IllegalArgumentException(means.length + " means but " + scales.length + " scales");
        }
    }

    public int dims() {
        return means.length;
    }

    /** Mean and standard deviation of each column over the rows that have a value there. */
    public static Standardizer fit(double[][] rows, int dims) {
        float[] means = new float[dims];
        float[] scales = new float[dims];
        for (int d = 0; d < dims; d++) {
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[d])) {
                    sum += row[d];
                    squares += row[d] * row[d];
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double variance = n == 0 ? 0 : Math.max(0, squares / n - mean * mean);
            means[d] = (float) mean;
            scales[d] = variance < 1e-12 ? 1f : (float) Math.sqrt(variance);
        }
        return new Standardizer(means, scales);
    }

    public float[] apply(double[] row) {
        if (row.length != means.length) {
            throw new IllegalArgumentException("row has " + row.length + " features, expected " + means.length);
        }
        float[] out = new float[row.length];
        for (int d = 0; d < row.length; d++) {
            out[d] = Double.isNaN(row[d]) ? 0f : (float) ((row[d] - means[d]) / scales[d]);
        }
        return out;
    }

    public float[][] apply(double[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = apply(rows[i]);
        }
        return out;
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(means.length);
        for (int d = 0; d < means.length; d++) {
            out.writeFloat(means[d]);
            out.writeFloat(scales[d]);
        }
    }

    static Standardizer readFrom(DataInputStream in, String source) throws IOException {
        int dims = in.readInt();
        if (dims <= 0 || dims > 10_000) {
            throw new IOException(source + ": implausible number of features " + dims);
        }
        float[] means = new float[dims];
        float[] scales = new float[dims];
        for (int d = 0; d < dims; d++) {
            means[d] = in.readFloat();
            scales[d] = in.readFloat();
        }
        return new Standardizer(means, scales);
    }
}
