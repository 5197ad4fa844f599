package app.tandem.ml.bert;

/**
 * Names of {@link BertEncoderBlock}'s parameters. They are part of the saved-weights format:
 * renaming one makes earlier fine-tuned weights unreadable.
 */
public final class BertParameterNames {

    public static final String WORD_EMBEDDINGS = "embeddings.word";
    public static final String POSITION_EMBEDDINGS = "embeddings.position";
    public static final String TOKEN_TYPE_EMBEDDINGS = "embeddings.token_type";
    public static final String EMBEDDING_NORM_GAMMA = "embeddings.norm.gamma";
    public static final String EMBEDDING_NORM_BETA = "embeddings.norm.beta";

    private BertParameterNames() {
    }

    /** Parameter names of one transformer layer. */
    public record Layer(String prefix) {
        public String qkvWeight() {
            return prefix + "qkv.weight";
        }

        public String qkvBias() {
            return prefix + "qkv.bias";
        }

        public String attentionOutWeight() {
            return prefix + "attention_out.weight";
        }

        public String attentionOutBias() {
            return prefix + "attention_out.bias";
        }

        public String attentionNormGamma() {
            return prefix + "attention_norm.gamma";
        }

        public String attentionNormBeta() {
            return prefix + "attention_norm.beta";
        }

        public String intermediateWeight() {
            return prefix + "intermediate.weight";
        }

        public String intermediateBias() {
            return prefix + "intermediate.bias";
        }

        public String outputWeight() {
            return prefix + "output.weight";
        }

        public String outputBias() {
            return prefix + "output.bias";
        }

        public String outputNormGamma() {
            return prefix + "output_norm.gamma";
        }

        public String outputNormBeta() {
            return prefix + "output_norm.beta";
        }
    }

    public static Layer layer(int index) {
        return new Layer("layer" + index + ".");
    }
}
