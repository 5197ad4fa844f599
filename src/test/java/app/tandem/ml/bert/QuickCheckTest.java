package app.tandem.ml.bert;

import ai.djl.Device;
import app.tandem.ml.bench.OnnxRuntimeEncoder;
import app.tandem.ml.catalog.ModelCatalog;
import app.tandem.ml.catalog.ModelDescriptor;
import app.tandem.ml.catalog.ModelFiles;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuickCheckTest {
    @Test
    void compare() throws Exception {
        for (ModelDescriptor d : ModelCatalog.load().all()) {
            long t0 = System.nanoTime();
            try (BertSentenceEncoder enc = BertSentenceEncoder.load(d, Device.cpu(), Optional.empty());
                 EncoderWorker w = enc.newWorker(32);
                 OnnxRuntimeEncoder ort = new OnnxRuntimeEncoder(d, ModelFiles.onnx(d), 2)) {
                System.out.println(d.id() + " load ms " + (System.nanoTime() - t0) / 1e6);
                List<long[]> ids = enc.tokenize(List.of("How do I reset my online banking password?", "我的信用卡被盗了怎么办", "hi"));
                System.out.println(java.util.Arrays.toString(ids.get(2)));
                float[][] a = w.encode(ids);
                float[][] b = ort.encode(ids);
                for (int i = 0; i < a.length; i++) {
                    double dot = 0; for (int k = 0; k < a[i].length; k++) dot += a[i][k] * b[i][k];
                    System.out.println(d.id() + " " + i + " cos " + dot);
                }
                for (int i = 0; i < 3; i++) {
                    float[][] s = ort.encode(List.of(ids.get(i)));
                    float[][] s2 = w.encode(List.of(ids.get(i)));
                    double dot = 0; for (int k = 0; k < a[i].length; k++) dot += s2[0][k] * s[0][k];
                    System.out.println(d.id() + " single " + i + " cos " + dot);
                }
                for (int rep = 0; rep < 3; rep++) {
                    long s = System.nanoTime();
                    for (int k = 0; k < 50; k++) w.encode(List.of(ids.get(0)));
                    long m = System.nanoTime();
                    for (int k = 0; k < 50; k++) ort.encode(List.of(ids.get(0)));
                    long e = System.nanoTime();
                    System.out.printf("%s djl %.2f ms  ort %.2f ms%n", d.id(), (m - s) / 50e6, (e - m) / 50e6);
                }
            }
        }
    }
}
