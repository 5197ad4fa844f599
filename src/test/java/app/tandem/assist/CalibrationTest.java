package app.tandem.assist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

    /** Scores shaped like ln(1 + BM25) of keyword hits, right with the probability of a known curve. */
    @Test
    void fitFindsTheCurveBehindKeywordScores() {
        Calibration.Curve truth = new Calibration.Curve(3.0, -6.8);
        Random random = new Random(7);
        int n = 2000;
        double[] x = new double[n];
        boolean[] right = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.78 + 0.4 * random.nextGaussian(); // as the Banking77 keyword hits: mean 1.78, sd 0.32
            right[i] = random.nextDouble() < truth.apply(x[i]);
        }
        Calibration.Curve fitted = Calibration.fit(x, right);
        // Plain Newton from (1, 0) ran off to a = -4e8 on such scores.
        assertEquals(3.0, fitted.a(), 0.5, fitted.toString());
        assertEquals(-6.8, fitted.b(), 1.0, fitted.toString());
        assertTrue(Math.abs(fitted.apply(2.0) - truth.apply(2.0)) < 0.05, fitted.toString());
    }

    @Test
    void separableScoresGiveAFiniteSteepCurve() {
        double[] x = {0.1, 0.2, 0.3, 0.7, 0.8, 0.9};
        boolean[] right = {false, false, false, true, true, true};
        Calibration.Curve fitted = Calibration.fit(x, right);
        assertTrue(Double.isFinite(fitted.a()) && fitted.a() > 0, fitted.toString());
        assertTrue(fitted.apply(0.9) > 0.7 && fitted.apply(0.1) < 0.3, fitted.toString());
    }
}
