package app.tandem.ml.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import app.tandem.Slow;
import app.tandem.ml.TestEncoders;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 20,000 sentences through one worker: the arrays owned by the model stay the same (every
 * per-request array lived in a closed sub-manager), and neither the Java heap nor the process's
 * resident memory (where PyTorch tensors live) grows between 2,000 and 20,000 sentences.
 * Unclosed, BUILD-NOTES measured about 155 MB per batch, so the margins below catch any leak.
 */
@Slow
class NoLeakTest {

    private static final int BATCH = 64;

    @Test
    void twentyThousandSentencesLeaveNoArraysOrMemoryBehind() throws Exception {
        BertSentenceEncoder encoder = TestEncoders.get(TestEncoders.MINILM);
        NDManager modelManager = encoder.block().getParameters().get(0).getValue().getArray().getManager();
        List<long[]> batch = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            batch.add(encoder.tokenize(i % 2 == 0 ? "card" : "card blocked"));
        }
        try (EncoderWorker worker = encoder.newWorker(BATCH)) {
            worker.encode(batch);
            int arraysAtStart = modelManager.getManagedArrays().size();

            run(worker, batch, 2_000);
            long heapAt2k = usedHeapAfterGc();
            long rssAt2k = residentBytes();
            run(worker, batch, 18_000);
            long heapAt20k = usedHeapAfterGc();
            long rssAt20k = residentBytes();

            assertEquals(arraysAtStart, modelManager.getManagedArrays().size(), "arrays left on the model's manager");
            assertTrue(heapAt20k - heapAt2k < 16L << 20,
                    "heap grew by " + ((heapAt20k - heapAt2k) >> 20) + " MB between 2k and 20k sentences");
            assertTrue(rssAt20k - rssAt2k < 64L << 20,
                    "resident memory grew by " + ((rssAt20k - rssAt2k) >> 20) + " MB between 2k and 20k sentences");
        }
    }

    private static void run(EncoderWorker worker, List<long[]> batch, int sentences) {
        for (int done = 0; done < sentences; done += batch.size()) {
            float[][] v = worker.encode(batch);
            assertEquals(batch.size(), v.length);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc (Linux); 0 elsewhere, which turns that check off. */
    private static long residentBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
