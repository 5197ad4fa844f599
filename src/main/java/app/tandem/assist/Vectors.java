package app.tandem.assist;

import app.tandem.nlp.TextEncoder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Plain-Java vector arithmetic over L2-normalised sentence vectors, and a small cache of them. */
final class Vectors {

    /** Texts longer than this are cut before encoding: the encoders read 512 tokens at most anyway. */
    static final int MAX_ENCODE_CHARS = 1000;

    private final Map<String, float[]> cache;

    Vectors(int capacity) {
        this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The passage vector of {@code text}, from the cache when this encoder has seen it. */
    float[] passage(TextEncoder encoder, String text) {
        String cut = cut(text);
        String key = encoder.modelId() + "|p|" + cut;
        synchronized (cache) {
            float[] known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] v = encoder.encodePassage(cut);
        synchronized (cache) {
            cache.put(key, v);
        }
        return v;
    }

    float[] query(TextEncoder encoder, String text) {
        String cut = cut(text);
        String key = encoder.modelId() + "|q|" + cut;
        synchronized (cache) {
            float[] known = cache.get(key);
            if (known != null) {
                return known;
            }
        }
        float[] v = encoder.encodeQuery(cut);
        synchronized (cache) {
            cache.put(key, v);
        }
        return v;
    }

    static String cut(String text) {
        return text.length() > MAX_ENCODE_CHARS ? text.substring(0, MAX_ENCODE_CHARS) : text;
    }

    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    /** {@code acc += weight * v}. */
    static void addScaled(float[] acc, float[] v, double weight) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += (float) (weight * v[i]);
        }
    }

    static float[] normalised(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        if (n == 0) {
            return v.clone();
        }
        float[] out = new float[v.length];
        double inv = 1 / Math.sqrt(n);
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] * inv);
        }
        return out;
    }
}
