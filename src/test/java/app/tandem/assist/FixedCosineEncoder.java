package app.tandem.assist;

import app.tandem.nlp.TextEncoder;
import java.util.List;

/**
 * A stand-in encoder with a chosen model id: {@code anchor} encodes to (1, 0), every other text sits at
 * cosine {@code cosine} from it. For what depends on the encoder's id and a cosine, not on real vectors.
 */
record FixedCosineEncoder(String modelId, String anchor, double cosine) implements TextEncoder {

    @Override
    public int dimensions() {
        return 2;
    }

    @Override
    public float[] encodeQuery(String text) {
        return text.equals(anchor) ? new float[] {1, 0} : new float[] {(float) cosine, (float) Math.sqrt(1 - cosine * cosine)};
    }

    @Override
    public float[] encodePassage(String text) {
        return encodeQuery(text);
    }

    @Override
    public List<float[]> encodePassages(List<String> texts) {
        return texts.stream().map(this::encodePassage).toList();
    }

    @Override
    public void close() {}
}
