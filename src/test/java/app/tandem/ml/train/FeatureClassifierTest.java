package app.tandem.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A yes/no model over hand-made features: standardised, trained with DJL, scored and saved in plain Java. */
class FeatureClassifierTest {

    private static final List<String> FEATURES = List.of("rate", "days");
    private static final List<String> LABELS = List.of("no", "yes");

    @Test
    void missingValuesAreLeftOutOfTheFitAndScoreAsTheMean() {
        Standardizer s = Standardizer.fit(new double[][] {{1, 5}, {3, Double.NaN}, {Double.NaN, 5}}, 2);
        assertEquals(2f, s.means()[0]);
        assertEquals(1f, s.scales()[0]);
        assertEquals(1f, s.scales()[1], "a constant column keeps scale 1");
        assertArrayEquals(new float[] {1f, 0f}, s.apply(new double[] {3, Double.NaN}));
    }

    /** "yes" when the rate (scale 0..1) is high, whatever the days (scale 0..300) say. */
    @Test
    void learnsWhichFeatureMattersAcrossDifferentScalesAndRoundTrips(@TempDir Path folder) throws Exception {
        Random r = new Random(3);
        double[][] x = new double[600][];
        boolean[] y = new boolean[600];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {r.nextDouble(), 300 * r.nextDouble()};
            y[i] = x[i][0] + 0.1 * r.nextGaussian() > 0.5;
        }
        double[][] fit = java.util.Arrays.copyOfRange(x, 0, 500);
        double[][] val = java.util.Arrays.copyOfRange(x, 500, 600);
        FeatureClassifierTrainer.Trained trained = FeatureClassifierTrainer.train(FEATURES, fit,
                java.util.Arrays.copyOfRange(y, 0, 500), val, java.util.Arrays.copyOfRange(y, 500, 600), LABELS,
                new HeadTrainer.Settings(200, 64, 0.05f, 1e-4f, 15, 7));
        FeatureClassifier model = trained.model();
        assertTrue(model.probabilities(new double[] {0.9, 10})[1] > 0.9);
        assertTrue(model.probabilities(new double[] {0.1, 290})[1] < 0.1);
        assertTrue(trained.bestEpoch() <= trained.epochs());

        Path file = folder.resolve("m.model");
        model.write(file);
        FeatureClassifier read = FeatureClassifier.read(file);
        assertEquals(FEATURES, read.features());
        assertArrayEquals(model.probabilities(new double[] {0.4, Double.NaN}), read.probabilities(new double[] {0.4, Double.NaN}));
    }
}
