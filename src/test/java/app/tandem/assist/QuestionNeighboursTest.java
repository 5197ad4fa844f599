package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

@Slow
class QuestionNeighboursTest {

    private static final int DIM = 96;

    @Test
    void smallPartitionsAreScannedExactly() {
        float[][] vectors = clustered(500, 50, new Random(1));
        QuestionNeighbours neighbours = QuestionNeighbours.of(vectors);
        assertFalse(neighbours.usesGraph());
        QuestionNeighbours.Selection all = neighbours.select(q -> true);
        float[] query = vectors[123];
        assertArrayEquals(exact(vectors, query, 5, all), neighbours.nearest(query, 5, all));
        assertEquals(123, neighbours.nearest(query, 1, all)[0]);
    }

    @Test
    void theGraphFindsAlmostWhatAnExactScanFinds() {
        Random random = new Random(2);
        float[][] vectors = clustered(QuestionNeighbours.GRAPH_FROM + 2_000, 400, random);
        QuestionNeighbours neighbours = QuestionNeighbours.of(vectors);
        assertTrue(neighbours.usesGraph());
        QuestionNeighbours.Selection all = neighbours.select(q -> true);
        int found = 0;
        int wanted = 0;
        for (int t = 0; t < 100; t++) {
            float[] query = jitter(vectors[random.nextInt(vectors.length)], random, 0.05f);
            int[] truth = exact(vectors, query, 3, all);
            int[] graph = neighbours.nearest(query, 3, all);
            wanted += truth.length;
            found += (int) Arrays.stream(truth).filter(q -> Arrays.stream(graph).anyMatch(g -> g == q)).count();
        }
        assertTrue(found >= 0.95 * wanted, "recall@3 of the graph " + found + "/" + wanted);
    }

    @Test
    void onlySelectedQuestionsComeBackWhetherFewOrMany() {
        Random random = new Random(3);
        float[][] vectors = clustered(QuestionNeighbours.GRAPH_FROM + 1_000, 200, random);
        QuestionNeighbours neighbours = QuestionNeighbours.of(vectors);
        QuestionNeighbours.Selection few = neighbours.select(q -> q % 997 == 0);
        QuestionNeighbours.Selection most = neighbours.select(q -> q % 2 == 0);
        QuestionNeighbours.Selection none = neighbours.select(q -> false);
        for (int t = 0; t < 20; t++) {
            float[] query = jitter(vectors[random.nextInt(vectors.length)], random, 0.05f);
            int[] fromFew = neighbours.nearest(query, 3, few);
            assertArrayEquals(exact(vectors, query, 3, few), fromFew, "a small selection is searched exactly");
            for (int q : neighbours.nearest(query, 5, most)) {
                assertEquals(0, q % 2);
            }
        }
        assertEquals(0, neighbours.nearest(vectors[0], 3, none).length);
        assertEquals(0, neighbours.nearest(new float[DIM + 1], 3, most).length, "a vector of another model finds nothing");
    }

    private static int[] exact(float[][] vectors, float[] query, int k, QuestionNeighbours.Selection selection) {
        return java.util.stream.IntStream.range(0, vectors.length).filter(selection::contains).boxed()
                .sorted((a, b) -> Double.compare(QuestionNeighbours.dot(vectors[b], query), QuestionNeighbours.dot(vectors[a], query)))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    /** Questions bunch around topics, as customers' questions do. */
    private static float[][] clustered(int n, int topics, Random random) {
        float[][] centres = new float[topics][];
        for (int t = 0; t < topics; t++) {
            centres[t] = jitter(new float[DIM], random, 1f);
        }
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = jitter(centres[random.nextInt(topics)], random, 0.08f);
        }
        return vectors;
    }

    private static float[] jitter(float[] v, Random random, float noise) {
        float[] out = new float[v.length];
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            out[d] = v[d] + (float) random.nextGaussian() * noise;
            norm += out[d] * out[d];
        }
        for (int d = 0; d < v.length; d++) {
            out[d] /= (float) Math.sqrt(norm);
        }
        return out;
    }
}
