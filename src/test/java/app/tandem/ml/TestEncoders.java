package app.tandem.ml;

import ai.djl.Device;
import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.catalog.ModelCatalog;
import app.tandem.ml.catalog.ModelDescriptor;
import app.tandem.ml.catalog.ModelUnavailableException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads each catalogued model once per test JVM: several test classes share them, which keeps the
 * encoder suite inside its time budget. They stay open until the JVM exits.
 */
public final class TestEncoders {

    public static final String MINILM = "all-minilm-l6-v2";
    public static final String BGE_EN = "bge-small-en-v1.5";
    public static final String BGE_ZH = "bge-small-zh-v1.5";

    private static final Map<String, BertSentenceEncoder> LOADED = new ConcurrentHashMap<>();

    private TestEncoders() {
    }

    public static ModelDescriptor descriptor(String id) {
        return ModelCatalog.load().find(id).orElseThrow();
    }

    public static synchronized BertSentenceEncoder get(String id) {
        return LOADED.computeIfAbsent(id, k -> {
            try {
                return BertSentenceEncoder.load(descriptor(k), Device.cpu(), Optional.empty());
            } catch (ModelUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
