package app.tandem.nlp.intent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The out-of-scope threshold weighs in-scope and out-of-scope validation examples equally. */
class OutOfScopeThresholdTest {

    @Test
    void withoutOutOfScopeExamplesNothingIsFlagged() {
        assertEquals(0, OutOfScopeThreshold.choose(new double[] {0.2, 0.9}, new boolean[] {true, true}, new double[0]));
    }

    @Test
    void aFewOutOfScopeExamplesCountAsMuchAsManyInScopeOnes() {
        // Ten in-scope turns, all right; one of them unsure (0.3). Two out-of-scope turns at 0.25 and 0.35.
        double[] in = {0.3, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        boolean[] right = new boolean[10];
        java.util.Arrays.fill(right, true);
        double[] oos = {0.25, 0.35};
        // Pooled accuracy would keep 0.3 (11 of 12 right) and flag one out-of-scope turn in two;
        // balanced: 0.9 flags both and loses one in-scope turn in ten (0.95 against 0.75).
        assertEquals(0.9, OutOfScopeThreshold.choose(in, right, oos), 1e-9);
    }
}
