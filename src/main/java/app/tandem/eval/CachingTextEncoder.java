package app.tandem.eval;

import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers vectors by text, so an evaluation that indexes the same passages and asks the same
 * questions in several settings encodes each text once. Evaluation only: vectors are not evicted.
 */
final class CachingTextEncoder implements TextEncoder {

    private final TextEncoder encoder;
    private final Map<String, float[]> queries = new ConcurrentHashMap<>();
    private final Map<String, float[]> passages = new ConcurrentHashMap<>();

    CachingTextEncoder(TextEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public String modelId() {
        return encoder.modelId();
    }

    @Override
    public int dimensions() {
        return encoder.dimensions();
    }

    @Override
    public float[] encodeQuery(String text) {
        return queries.computeIfAbsent(text, encoder::encodeQuery);
    }

    @Override
    public float[] encodePassage(String text) {
        return passages.computeIfAbsent(text, encoder::encodePassage);
    }

    @Override
    public List<float[]> encodePassages(List<String> texts) {
        List<String> missing = texts.stream().filter(t -> !passages.containsKey(t)).distinct().toList();
        if (!missing.isEmpty()) {
            List<float[]> vectors = encoder.encodePassages(missing);
            for (int i = 0; i < missing.size(); i++) {
                passages.put(missing.get(i), vectors.get(i));
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        texts.forEach(t -> out.add(passages.get(t)));
        return out;
    }

    @Override
    public void close() {
        // The wrapped encoder belongs to its EncoderService.
    }
}
