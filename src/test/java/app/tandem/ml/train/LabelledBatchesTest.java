package app.tandem.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LabelledBatchesTest {

    @Test
    void batchesCoverEveryExampleOnce() {
        List<long[]> ids = List.of(new long[3], new long[5], new long[2], new long[9], new long[4]);
        List<int[]> batches = LabelledBatches.order(ids, 2, new Random(1));
        assertEquals(3, batches.size());
        assertEquals(5, batches.stream().mapToInt(b -> b.length).sum());
        assertEquals(5, batches.stream().flatMapToInt(Arrays::stream).distinct().count());
    }

    @Test
    void eachBatchCarriesTheIntentsOfItsOwnSentencesAndTheSeedFixesTheOrder() {
        // a sentence's length is its intent, so every row can be checked against its label
        List<long[]> ids = List.of(new long[1], new long[2], new long[3], new long[4], new long[5], new long[6]);
        int[] labels = {1, 2, 3, 4, 5, 6};
        LabelledBatches batches = new LabelledBatches(ids, labels, 4, 7);
        LabelledBatches same = new LabelledBatches(ids, labels, 4, 7);
        assertEquals(2, batches.perEpoch());
        for (int epoch = 0; epoch < 3; epoch++) {
            List<LabelledBatches.Batch> a = batches.nextEpoch();
            List<LabelledBatches.Batch> b = same.nextEpoch();
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).labels(), b.get(i).labels());
                List<long[]> rows = a.get(i).tokens().ids();
                for (int r = 0; r < rows.size(); r++) {
                    assertEquals(rows.get(r).length, a.get(i).labels()[r]);
                }
            }
        }
    }
}
