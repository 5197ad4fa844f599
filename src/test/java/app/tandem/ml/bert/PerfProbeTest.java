package app.tandem.ml.bert;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import app.tandem.ml.catalog.ModelCatalog;
import app.tandem.ml.catalog.ModelDescriptor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PerfProbeTest {
    @Test
    void probe() throws Exception {
        ModelDescriptor d = ModelCatalog.load().find(System.getProperty("probe.model", "all-minilm-l6-v2")).orElseThrow();
        try (BertSentenceEncoder enc = BertSentenceEncoder.load(d, Device.cpu(), Optional.empty());
             EncoderWorker w = enc.newWorker(32)) {
            long[] ids = enc.tokenize("How do I reset my online banking password?");
            System.out.println("tokens " + ids.length);
            for (int threads : new int[] {1, 2, 1, 2}) {
                JniUtils.setNumThreads(threads);
                JniUtils.setGradMode(false);
                for (int k = 0; k < 50; k++) w.encode(List.of(ids));
                long s = System.nanoTime();
                for (int k = 0; k < 200; k++) w.encode(List.of(ids));
                long m = System.nanoTime();
                ParameterStore ps = new ParameterStore();
                NDManager base = enc.block().getParameters().get(0).getValue().getArray().getManager();
                for (int k = 0; k < 200; k++) {
                    try (NDManager sub = base.newSubManager()) {
                        NDList in = new NDList(sub.create(ids, new ai.djl.ndarray.types.Shape(1, ids.length)));
                        enc.block().forward(ps, in, false).get(0).toFloatArray();
                    }
                }
                long e = System.nanoTime();
                System.out.printf("threads %d: worker %.2f ms, raw forward %.2f ms%n", threads, (m - s) / 200e6, (e - m) / 200e6);
            }
            JniUtils.setNumThreads(2);
            List<String> texts = new java.util.ArrayList<>();
            for (int i = 0; i < 256; i++) texts.add("Sentence number " + i + " about a card that was " + "blocked ".repeat(i % 7) + "yesterday.");
            List<long[]> toks = enc.tokenize(texts);
            for (int rep = 0; rep < 2; rep++) {
                long s = System.nanoTime();
                w.encode(toks);
                System.out.printf("batch-32 throughput %.1f sent/s%n", 256 / ((System.nanoTime() - s) / 1e9));
            }
        }
    }
}
