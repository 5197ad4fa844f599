package app.tandem.nlp.intent;

import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.EncoderWorker;
import app.tandem.ml.bert.InferenceThreads;
import app.tandem.ml.catalog.ModelCatalog;
import app.tandem.ml.catalog.ModelDescriptor;
import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.ml.train.LinearHead;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.TextEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intent of a customer turn, from the promoted intent model: plain Java in, plain Java out.
 *
 * <p>For the desk (build once, off the FX thread, after the encoders have loaded):
 * <pre>{@code
 * Optional<IntentClassifier> intents = IntentClassifier.loadCurrent(
 *         new IntentModelStore(dataFolder.resolve("models/trained/intent")), Optional.of(encoderService));
 * // per customer turn, on a background executor (it encodes the text: ~5-10 ms on CPU):
 * intents.flatMap(c -> c.classify(turn.text()))
 *        .filter(p -> !p.outOfScope())
 *        .ifPresent(p -> show(p.intent(), p.confidence()));
 * }</pre>
 * {@link #classify} is empty for blank text or when the encoder fails (logged), never throws for
 * input; a prediction with {@code outOfScope} true means "no known intent" (threshold calibrated on
 * validation data; 0 when the training data had no out-of-scope examples). Thread-safe. Versions
 * trained on a frozen encoder reuse the desk's shared encoder; fine-tuned versions carry their own
 * encoder weights and load a private copy (about 90 MB for MiniLM), released by {@link #close()}.
 */
public final class IntentClassifier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IntentClassifier.class);

    /** Turns texts into sentence vectors the head was trained on. */
    interface Vectors extends AutoCloseable {
        float[][] encode(List<String> texts);

        @Override
        default void close() {}
    }

    private final String version;
    private final String modelId;
    private final LinearHead head;
    private final double threshold;
    private final Vectors vectors;

    IntentClassifier(String version, String modelId, LinearHead head, double threshold, Vectors vectors) {
        this.version = version;
        this.modelId = modelId;
        this.head = head;
        this.threshold = threshold;
        this.vectors = vectors;
    }

    /** The promoted version, or empty when none was trained yet or it cannot load (logged). */
    public static Optional<IntentClassifier> loadCurrent(IntentModelStore store, Optional<EncoderService> encoders) {
        Optional<String> current = store.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(load(store, current.get(), encoders));
        } catch (IOException | ModelUnavailableException | RuntimeException e) {
            LOG.warn("intent model {} cannot be loaded: {}", current.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A given version; a frozen-encoder version uses {@code encoders}' encoder of its model when loaded there. */
    public static IntentClassifier load(IntentModelStore store, String version, Optional<EncoderService> encoders)
            throws IOException, ModelUnavailableException {
        Path folder = store.folder(version);
        Map<String, String> report = store.report(version);
        LinearHead head = LinearHead.read(folder.resolve(IntentModelStore.HEAD_FILE));
        String modelId = report.getOrDefault("model.id", "");
        double threshold = Double.parseDouble(report.getOrDefault("oos.threshold", "0"));
        Path encoderFolder = folder.resolve(IntentModelStore.ENCODER_FOLDER);
        ModelDescriptor d = descriptor(modelId);
        String prefix = report.getOrDefault(IntentModelTrainer.TEXT_PREFIX, d.queryPrefix());
        if (Files.isDirectory(encoderFolder)) {
            return new IntentClassifier(version, modelId, head, threshold, ownEncoder(d, prefix, Optional.of(encoderFolder)));
        }
        Optional<TextEncoder> shared = encoders.flatMap(e -> e.encoder(modelId));
        if (shared.isPresent() && (prefix.equals(d.passagePrefix()) || prefix.equals(d.queryPrefix()))) {
            TextEncoder enc = shared.get();
            boolean asPassage = prefix.equals(d.passagePrefix());
            return new IntentClassifier(version, modelId, head, threshold, texts -> {
                float[][] out = new float[texts.size()][];
                for (int i = 0; i < out.length; i++) {
                    out[i] = asPassage ? enc.encodePassage(texts.get(i)) : enc.encodeQuery(texts.get(i));
                }
                return out;
            });
        }
        return new IntentClassifier(version, modelId, head, threshold, ownEncoder(d, prefix, Optional.empty()));
    }

    private static ModelDescriptor descriptor(String modelId) throws ModelUnavailableException {
        return ModelCatalog.load().find(modelId)
                .orElseThrow(() -> new ModelUnavailableException("model " + modelId + " is not in the catalog", null));
    }

    static Vectors ownEncoder(ModelDescriptor d, String prefix, Optional<Path> weights) throws ModelUnavailableException {
        BertSentenceEncoder encoder = BertSentenceEncoder.load(d, BertSentenceEncoder.preferredDevice(), weights);
        return new OwnEncoder(encoder, prefix);
    }

    /** A private encoder: one worker, used by one thread at a time. */
    private static final class OwnEncoder implements Vectors {
        private final BertSentenceEncoder encoder;
        private final String prefix;
        private EncoderWorker worker;

        OwnEncoder(BertSentenceEncoder encoder, String prefix) {
            this.encoder = encoder;
            this.prefix = prefix;
        }

        @Override
        public synchronized float[][] encode(List<String> texts) {
            InferenceThreads.prepareCurrentThreadForInference();
            if (worker == null) {
                worker = encoder.newWorker(32);
            }
            List<long[]> ids = new ArrayList<>(texts.size());
            for (String t : texts) {
                ids.add(encoder.tokenize(prefix + t));
            }
            return worker.encode(ids);
        }

        @Override
        public synchronized void close() {
            if (worker != null) {
                worker.close();
            }
            encoder.close();
        }
    }

    public String version() {
        return version;
    }

    public String modelId() {
        return modelId;
    }

    /** The languages its encoder was made for (ISO 639-1, from the model catalog): a turn in another language gets noise. */
    public List<String> languages() {
        return ModelCatalog.load().find(modelId).map(ModelDescriptor::languages).orElse(List.of());
    }

    public List<String> intents() {
        return head.labels();
    }

    public double outOfScopeThreshold() {
        return threshold;
    }

    /** The intent of one turn; empty for blank text or when the encoder fails. */
    public Optional<IntentPrediction> classify(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(predict(vectors.encode(List.of(text))[0]));
        } catch (RuntimeException e) {
            LOG.warn("intent classification failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The {@code k} most likely intents of one turn, best first (for a "did you mean" list). */
    public List<IntentPrediction> top(String text, int k) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        float[] p = head.probabilities(vectors.encode(List.of(text))[0]);
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(p[b], p[a]));
        List<IntentPrediction> out = new ArrayList<>();
        for (int i = 0; i < Math.min(k, p.length); i++) {
            out.add(new IntentPrediction(head.labels().get(order[i]), p[order[i]], p[order[i]] < threshold));
        }
        return out;
    }

    /** Many texts at once (batched by length): evaluations and bulk jobs. Blank text gives an out-of-scope row. */
    public List<IntentPrediction> classifyAll(List<String> texts) {
        float[][] v = vectors.encode(texts);
        List<IntentPrediction> out = new ArrayList<>(v.length);
        for (float[] row : v) {
            out.add(predict(row));
        }
        return out;
    }

    private IntentPrediction predict(float[] vector) {
        float[] p = head.probabilities(vector);
        int best = LinearHead.argmax(p);
        return new IntentPrediction(head.labels().get(best), p[best], p[best] < threshold);
    }

    @Override
    public void close() {
        vectors.close();
    }
}
