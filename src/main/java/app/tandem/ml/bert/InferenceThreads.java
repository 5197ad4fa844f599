package app.tandem.ml.bert;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch settings that belong to threads rather than to models. Call only after the engine has
 * started ({@link BertSentenceEncoder#preferredDevice()} starts it): JniUtils before that is a
 * missing-native-method error.
 */
public final class InferenceThreads {

    private InferenceThreads() {
    }

    /**
     * Threads PyTorch uses inside one operation (process-wide). On small inputs more threads than
     * cores only add hand-off cost, so callers size this to the cores left to inference.
     */
    public static void setIntraOpThreads(int threads) {
        Engine.getEngine(BertSentenceEncoder.ENGINE);
        JniUtils.setNumThreads(Math.max(1, threads));
    }

    public static int intraOpThreads() {
        Engine.getEngine(BertSentenceEncoder.ENGINE);
        return JniUtils.getNumThreads();
    }

    /**
     * Inference threads record no autograd graph. Grad mode is per thread in PyTorch; imported weights
     * do not require gradients anyway, but fine-tuned blocks may, and then every op would keep its
     * inputs alive for a backward pass that never comes.
     */
    public static void prepareCurrentThreadForInference() {
        Engine.getEngine(BertSentenceEncoder.ENGINE);
        JniUtils.setGradMode(false);
    }
}
