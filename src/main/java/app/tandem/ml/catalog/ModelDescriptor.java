package app.tandem.ml.catalog;

import java.util.List;

/**
 * One entry of the model catalog ({@code models/<id>.properties}): where the pre-trained weights
 * come from and how to run them. Plain values only, so the nlp layer can show it in status.
 *
 * @param id             stable id used in status, saved vectors and trained weight folders
 * @param languages      ISO 639-1 codes the model is meant for, e.g. [en] or [zh]
 * @param artifact       Maven coordinates of the jar that carries the files (for people, not resolved at run time)
 * @param onnxResource   classpath resource name of the ONNX file inside that jar
 * @param onnxSha256     expected sha256 of the ONNX file, checked on every load
 * @param tokenizerResource classpath resource name of the HuggingFace tokenizer.json
 * @param tokenizerSha256   expected sha256 of tokenizer.json
 * @param weightFormat   "fp32" or "int8" (int8 MatMul weights are dequantised to fp32 on import)
 * @param architecture   layer sizes
 * @param pooling        MEAN or CLS
 * @param normalize      whether sentence vectors are L2-normalised (cosine = dot product)
 * @param maxTokens      longest input in word pieces including [CLS]/[SEP]; longer text is truncated
 * @param queryPrefix    instruction the model card prescribes before a search query ("" if none)
 * @param passagePrefix  text put before passages ("" for all models so far)
 */
public record ModelDescriptor(
        String id,
        List<String> languages,
        String artifact,
        String onnxResource,
        String onnxSha256,
        String tokenizerResource,
        String tokenizerSha256,
        String weightFormat,
        BertArchitecture architecture,
        Pooling pooling,
        boolean normalize,
        int maxTokens,
        String queryPrefix,
        String passagePrefix) {

    public ModelDescriptor {
        languages = List.copyOf(languages);
        if (maxTokens < 3 || maxTokens > architecture.maxPositions()) {
            throw new IllegalArgumentException("model " + id + ": max.tokens " + maxTokens
                    + " must be between 3 and the model's " + architecture.maxPositions() + " positions");
        }
    }

    public int dimensions() {
        return architecture.hidden();
    }

    /** The same model read from another ONNX file, e.g. a locally converted one (and in tests). */
    public ModelDescriptor withOnnxFile(String resource, String sha256) {
        return new ModelDescriptor(id, languages, artifact, resource, sha256, tokenizerResource, tokenizerSha256,
                weightFormat, architecture, pooling, normalize, maxTokens, queryPrefix, passagePrefix);
    }
}
