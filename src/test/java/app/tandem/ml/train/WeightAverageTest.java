package app.tandem.ml.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import app.tandem.ml.bert.BertSentenceEncoder;
import org.junit.jupiter.api.Test;

/** The moving average follows the weights with a warming-up decay, and swapping it in is undone exactly. */
class WeightAverageTest {

    @Test
    void averagesFollowTheWeightsAndSwapBack() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), BertSentenceEncoder.ENGINE)) {
            Linear block = Linear.builder().setUnits(1).optBias(false).build();
            block.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            Parameter weight = block.getParameters().get("weight");
            weight.getArray().set(new float[] {1f, 1f});
            try (WeightAverage average = new WeightAverage(block, 0.5f)) {
                weight.getArray().set(new float[] {3f, 3f});
                average.update();
                // First update: decay min(0.5, 2/11) = 2/11, so the average moves most of the way to 3.
                float expected = 1f * 2f / 11f + 3f * 9f / 11f;
                average.swapIn();
                assertArrayEquals(new float[] {expected, expected}, weight.getArray().toFloatArray(), 1e-5f);
                assertThrows(IllegalStateException.class, average::swapIn);
                average.swapOut();
                assertArrayEquals(new float[] {3f, 3f}, weight.getArray().toFloatArray(), 1e-6f);
            }
        }
    }

    @Test
    void refusesADecayOutsideZeroToOne() {
        Linear block = Linear.builder().setUnits(1).build();
        assertThrows(IllegalArgumentException.class, () -> new WeightAverage(block, 1f));
    }
}
