package app.tandem.ml.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

class OpProbeTest {
    @Test
    void probe() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            JniUtils.setGradMode(false);
            NDArray x = m.randomNormal(new Shape(1, 11, 384));
            NDArray w1 = m.randomNormal(new Shape(1536, 384));
            NDArray b1 = m.randomNormal(new Shape(1536));
            NDArray w2 = m.randomNormal(new Shape(384, 1536));
            NDArray small = m.randomNormal(new Shape(4));
            for (int threads : new int[] {1, 2}) {
                JniUtils.setNumThreads(threads);
                for (int rep = 0; rep < 2; rep++) {
                    int n = 2000;
                    long s = System.nanoTime();
                    try (NDManager sub = m.newSubManager()) {
                        for (int i = 0; i < n; i++) {
                            small.add(small);
                        }
                    }
                    long a = System.nanoTime();
                    try (NDManager sub = m.newSubManager()) {
                        for (int i = 0; i < n; i++) {
                            NDArray h = x.getNDArrayInternal().linear(x, w1, b1).singletonOrThrow();
                            h.attach(sub);
                        }
                    }
                    long b = System.nanoTime();
                    try (NDManager sub = m.newSubManager()) {
                        for (int i = 0; i < n; i++) {
                            NDArray h = x.matMul(w1.transpose());
                            h.attach(sub);
                        }
                    }
                    long c = System.nanoTime();
                    try (NDManager sub = m.newSubManager()) {
                        NDArray h = x.getNDArrayInternal().linear(x, w1, b1).singletonOrThrow();
                        for (int i = 0; i < n; i++) {
                            NDArray g = h.getNDArrayInternal().gelu();
                            g.attach(sub);
                        }
                    }
                    long e = System.nanoTime();
                    System.out.printf("threads %d: tiny add %.1f us, linear 384->1536 %.1f us, matmul %.1f us, gelu(11x1536) %.1f us%n",
                            threads, (a - s) / 1e3 / n, (b - a) / 1e3 / n, (c - b) / 1e3 / n, (e - c) / 1e3 / n);
                }
            }
        }
    }
}
