package app.tandem.assist;

import app.tandem.kb.VectorGraph;
import java.util.Arrays;
import java.util.BitSet;
import java.util.function.IntPredicate;

/**
 * The answered questions of one allowlist partition (a language and an encoder), searched for the
 * nearest ones to a customer context. A few thousand vectors are scanned exactly; above that a scan
 * reads every vector on every customer turn (50,000 × 384 floats = 77 MB, ~17 ms here), so larger
 * partitions get kb's in-memory {@link VectorGraph} (HNSW), which visits a few thousand. Which questions
 * may be suggested (curation) is a filter applied at query time, so allowing or blocking an entry does not
 * rebuild the graph. Everything lives on the heap (no files, nothing to close): a replaced instance
 * still answers a search in flight and is then collected.
 */
final class QuestionNeighbours {

    /** Below this many questions the exact scan is as fast as the graph and needs no build. */
    static final int GRAPH_FROM = 4_096;

    private final float[][] vectors;
    private final VectorGraph graph;

    private QuestionNeighbours(float[][] vectors, VectorGraph graph) {
        this.vectors = vectors;
        this.graph = graph;
    }

    /** {@code vectors} are unit length; question {@code i} becomes the graph's ordinal {@code i}. */
    static QuestionNeighbours of(float[][] vectors) {
        return new QuestionNeighbours(vectors, vectors.length < GRAPH_FROM ? null : VectorGraph.of(vectors));
    }

    boolean usesGraph() {
        return graph != null;
    }

    /** The questions {@code allowed} accepts, fixed once per curation state rather than tested per turn. */
    Selection select(IntPredicate allowed) {
        BitSet bits = new BitSet(vectors.length);
        for (int q = 0; q < vectors.length; q++) {
            if (allowed.test(q)) {
                bits.set(q);
            }
        }
        return new Selection(bits, bits.cardinality());
    }

    /** Questions that may be suggested: a bit per question ordinal. */
    record Selection(BitSet bits, int count) {
        boolean contains(int question) {
            return bits.get(question);
        }
    }

    /** Up to {@code k} question ordinals of {@code selection}, nearest first by exact dot product. */
    int[] nearest(float[] query, int k, Selection selection) {
        if (vectors.length == 0 || k <= 0 || selection.count() == 0 || query.length != vectors[0].length) {
            return new int[0];
        }
        return graph == null ? scan(query, k, selection) : searchGraph(query, k, selection);
    }

    double similarity(int question, float[] query) {
        return dot(vectors[question], query);
    }

    private int[] scan(float[] query, int k, Selection selection) {
        int[] best = new int[k];
        double[] scores = new double[k];
        int n = 0;
        for (int q = 0; q < vectors.length; q++) {
            if (!selection.contains(q)) {
                continue;
            }
            double s = dot(vectors[q], query);
            if (n < k || s > scores[n - 1]) {
                int at = n < k ? n++ : n - 1;
                while (at > 0 && scores[at - 1] < s) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = s;
                best[at] = q;
            }
        }
        return Arrays.copyOf(best, n);
    }

    private int[] searchGraph(float[] query, int k, Selection selection) {
        // The graph's scores are approximate: its finds are ranked again by the exact dot product.
        return Arrays.stream(graph.nearest(query, k, selection.bits(), selection.count())).boxed()
                .sorted((a, b) -> Double.compare(dot(vectors[b], query), dot(vectors[a], query)))
                .mapToInt(Integer::intValue).toArray();
    }

    static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        // Four partial sums let the CPU overlap the multiply-adds of a long vector.
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (int end = a.length - 3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return s0 + s1 + s2 + s3;
    }
}
