package app.tandem.ml.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBatchTest {

    @Test
    void shorterRowsArePaddedWithZerosAndMaskedOut() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), BertSentenceEncoder.ENGINE)) {
            NDList input = new TokenBatch(List.of(new long[] {101, 7, 102}, new long[] {101, 102})).pad(m);
            assertEquals(2, input.size());
            assertEquals(new Shape(2, 3), input.get(0).getShape());
            assertArrayEquals(new long[] {101, 7, 102, 101, 102, 0}, input.get(0).toLongArray());
            assertArrayEquals(new float[] {1, 1, 1, 1, 1, 0}, input.get(1).toFloatArray());
        }
    }

    @Test
    void rowsOfOneLengthNeedNoMask() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), BertSentenceEncoder.ENGINE)) {
            NDList input = new TokenBatch(List.of(new long[] {101, 7, 102}, new long[] {101, 8, 102})).pad(m);
            assertEquals(1, input.size());
            assertArrayEquals(new long[] {101, 7, 102, 101, 8, 102}, input.get(0).toLongArray());
        }
    }
}
