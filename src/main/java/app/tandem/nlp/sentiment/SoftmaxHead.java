package app.tandem.nlp.sentiment;

import java.util.List;
import java.util.Random;

/**
 * Multinomial logistic regression over sentence vectors, trained in plain Java by full-batch gradient
 * descent with L2. A few hundred examples of 384 or 512 dimensions train in well under a second.
 */
final class SoftmaxHead {

    private final double[][] weights; // [class][dim]
    private final double[] bias;

    private SoftmaxHead(double[][] weights, double[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    static SoftmaxHead train(List<float[]> vectors, int[] labels, int classes, int epochs, double learningRate, double l2,
                             long seed) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no examples to train on");
        }
        int dims = vectors.get(0).length;
        double[][] w = new double[classes][dims];
        double[] b = new double[classes];
        Random random = new Random(seed);
        for (double[] row : w) {
            for (int d = 0; d < dims; d++) {
                row[d] = random.nextGaussian() * 0.01;
            }
        }
        SoftmaxHead head = new SoftmaxHead(w, b);
        int n = vectors.size();
        double[][] gw = new double[classes][dims];
        double[] gb = new double[classes];
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (double[] row : gw) {
                java.util.Arrays.fill(row, 0);
            }
            java.util.Arrays.fill(gb, 0);
            for (int i = 0; i < n; i++) {
                float[] x = vectors.get(i);
                double[] p = head.probabilities(x);
                for (int c = 0; c < classes; c++) {
                    double err = p[c] - (labels[i] == c ? 1 : 0);
                    gb[c] += err;
                    double[] g = gw[c];
                    for (int d = 0; d < dims; d++) {
                        g[d] += err * x[d];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int d = 0; d < dims; d++) {
                    w[c][d] -= learningRate * (gw[c][d] / n + l2 * w[c][d]);
                }
                b[c] -= learningRate * gb[c] / n;
            }
        }
        return head;
    }

    double[] probabilities(float[] x) {
        int classes = bias.length;
        double[] z = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double s = bias[c];
            double[] row = weights[c];
            for (int d = 0; d < row.length; d++) {
                s += row[d] * x[d];
            }
            z[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < classes; c++) {
            z[c] /= sum;
        }
        return z;
    }
}
