package app.tandem.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The softmax head on cached vectors: learns a separable set, stops early, cancels, round-trips. */
class HeadTrainerTest {

    private static final List<String> LABELS = List.of("card_arrival", "lost_card", "top_up");

    /** Three noisy clusters in 16 dimensions. */
    private static float[][] points(int perClass, long seed, int[] labelsOut) {
        Random r = new Random(seed);
        float[][] centres = new float[3][16];
        Random c = new Random(1);
        for (float[] centre : centres) {
            for (int d = 0; d < 16; d++) {
                centre[d] = (float) c.nextGaussian();
            }
        }
        float[][] x = new float[perClass * 3][16];
        for (int i = 0; i < x.length; i++) {
            int k = i % 3;
            labelsOut[i] = k;
            for (int d = 0; d < 16; d++) {
                x[i][d] = centres[k][d] + (float) (0.6 * r.nextGaussian());
            }
        }
        return x;
    }

    private static double accuracy(LinearHead head, float[][] x, int[] y) {
        int right = 0;
        for (int i = 0; i < x.length; i++) {
            if (LinearHead.argmax(head.probabilities(x[i])) == y[i]) {
                right++;
            }
        }
        return (double) right / x.length;
    }

    @Test
    void learnsASeparableSetAndKeepsTheBestEpoch() {
        int[] y = new int[60];
        float[][] x = points(20, 2, y);
        int[] vy = new int[30];
        float[][] vx = points(10, 3, vy);
        HeadTrainer.Result result = HeadTrainer.train(x, y, vx, vy, LABELS,
                HeadTrainer.Settings.defaults().withMaxEpochs(40), TrainingMonitor.NONE);
        double first = result.curve().get(0).validationAccuracy();
        assertTrue(result.bestValidationAccuracy() >= 0.95, "validation accuracy " + result.bestValidationAccuracy());
        assertTrue(result.bestValidationAccuracy() >= first);
        assertTrue(result.curve().get(result.curve().size() - 1).trainLoss() < result.curve().get(0).trainLoss());
        assertEquals(result.bestValidationAccuracy(), accuracy(result.head(), vx, vy), 1e-9,
                "the returned head is the best epoch's");
    }

    @Test
    void earlyStoppingStopsWhenValidationStopsImproving() {
        int[] y = new int[60];
        float[][] x = points(20, 2, y);
        int[] vy = new int[30];
        float[][] vx = points(10, 3, vy);
        HeadTrainer.Result result = HeadTrainer.train(x, y, vx, vy, LABELS,
                HeadTrainer.Settings.defaults().withMaxEpochs(300).withPatience(3), TrainingMonitor.NONE);
        assertTrue(result.stoppedEarly());
        assertTrue(result.curve().size() < 300);
        assertEquals(result.bestEpoch() + 3, result.curve().size());
    }

    @Test
    void cancellingStopsTheRun() {
        int[] y = new int[60];
        float[][] x = points(20, 2, y);
        AtomicInteger epochs = new AtomicInteger();
        TrainingMonitor cancelAfterTwo = new TrainingMonitor() {
            @Override
            public void epoch(EpochStats stats) {
                epochs.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return epochs.get() >= 2;
            }
        };
        assertThrows(TrainingCancelledException.class, () -> HeadTrainer.train(x, y, new float[0][], new int[0], LABELS,
                HeadTrainer.Settings.defaults().withMaxEpochs(50), cancelAfterTwo));
        assertEquals(2, epochs.get());
    }

    @Test
    void headRoundTripsThroughItsFile(@TempDir Path dir) throws Exception {
        LinearHead head = new LinearHead(List.of("a", "b"), 3, new float[] {1, 2, 3, -1, -2, -3}, new float[] {0.5f, -0.5f});
        head.write(dir.resolve("head.bin"));
        LinearHead back = LinearHead.read(dir.resolve("head.bin"));
        assertEquals(head.labels(), back.labels());
        assertArrayEquals(head.weights(), back.weights());
        assertArrayEquals(head.bias(), back.bias());
        float[] p = back.probabilities(new float[] {1, 0, 0});
        assertEquals(1.0, p[0] + p[1], 1e-6);
        assertTrue(p[0] > p[1]);
    }
}
