package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Lucene graph behind assist's question neighbours: ordinals in, ordinals out, the filter obeyed. */
class VectorGraphTest {

    private static final int DIM = 32;

    @Test
    void eachVectorFindsItselfFirst() {
        float[][] vectors = random(600, new Random(4));
        VectorGraph graph = VectorGraph.of(vectors);
        BitSet all = new BitSet();
        all.set(0, vectors.length);
        for (int q : new int[] {0, 17, 599}) {
            assertEquals(q, graph.nearest(vectors[q], 3, all, vectors.length)[0]);
        }
    }

    @Test
    void onlyAcceptedVectorsComeBack() {
        float[][] vectors = random(600, new Random(5));
        VectorGraph graph = VectorGraph.of(vectors);
        BitSet even = new BitSet();
        for (int q = 0; q < vectors.length; q += 2) {
            even.set(q);
        }
        int[] found = graph.nearest(vectors[7], 10, even, even.cardinality());
        assertEquals(10, found.length);
        assertTrue(Arrays.stream(found).allMatch(q -> q % 2 == 0), Arrays.toString(found));
        assertEquals(0, graph.nearest(vectors[7], 10, new BitSet(), 0).length);
        assertEquals(0, graph.nearest(new float[DIM + 1], 10, even, even.cardinality()).length,
                "a vector of another model finds nothing");
    }

    private static float[][] random(int n, Random random) {
        float[][] vectors = new float[n][DIM];
        for (float[] v : vectors) {
            double norm = 0;
            for (int d = 0; d < DIM; d++) {
                v[d] = (float) random.nextGaussian();
                norm += v[d] * v[d];
            }
            for (int d = 0; d < DIM; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
        }
        return vectors;
    }
}
