package app.tandem.ml.catalog;

/**
 * The sizes of a BERT encoder. The importer checks these against the tensors it finds, so a
 * descriptor that does not match its ONNX file fails loudly instead of producing garbage vectors.
 */
public record BertArchitecture(
        int layers, int hidden, int heads, int intermediate, int vocabulary, int maxPositions, int typeVocabulary,
        float layerNormEpsilon) {

    public BertArchitecture {
        if (layers <= 0 || hidden <= 0 || heads <= 0 || hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " must split evenly over " + heads + " heads");
        }
    }

    public int headSize() {
        return hidden / heads;
    }
}
