package app.tandem.nlp;

import ai.djl.Device;
import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.InferenceThreads;
import app.tandem.ml.catalog.ModelCatalog;
import app.tandem.ml.catalog.ModelDescriptor;
import app.tandem.ml.catalog.ModelUnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentence encoders the rest of Tandem uses, one per language, with plain-Java types only.
 *
 * <p>Build it once in the composition root with {@link #start(EncoderSettings)} (it loads models, so
 * call it off the FX thread; about a second per model) and {@link #close()} it at shutdown. Then:
 * <pre>{@code
 * Optional<TextEncoder> enc = service.encoderFor(text);        // routed by script, see LanguageDetector
 * enc.map(e -> e.encodeQuery(text))                            // empty: keyword search only
 * service.status()                                             // device, models, reasons
 * }</pre>
 *
 * <p>A model that cannot load (missing jar, checksum mismatch, engine failure) never stops the app:
 * its language gets {@code Optional.empty()} and {@link #status()} says why.
 *
 * <p>Threads: encoders run on one bounded executor owned by this service
 * ({@link EncoderSettings#inferenceThreads()} threads); {@link TextEncoder} calls block the caller
 * until their turn, so callers use their own background executor.
 */
public final class EncoderService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EncoderService.class);

    private final LanguageDetector detector = new LanguageDetector();
    private final Map<Language, TextEncoder> byLanguage;
    private final Map<String, TextEncoder> byModel;
    private final EncoderStatus status;
    private final ExecutorService executor;

    private EncoderService(Map<Language, TextEncoder> byLanguage, Map<String, TextEncoder> byModel,
            EncoderStatus status, ExecutorService executor) {
        this.byLanguage = byLanguage;
        this.byModel = byModel;
        this.status = status;
        this.executor = executor;
    }

    /** Loads the catalog shipped in the jar and the models routed in {@code settings}. Never throws for a model. */
    public static EncoderService start(EncoderSettings settings) {
        return start(settings, ModelCatalog.load());
    }

    static EncoderService start(EncoderSettings settings, ModelCatalog catalog) {
        ExecutorService executor = Executors.newFixedThreadPool(settings.inferenceThreads(), inferenceThreads());
        Device device;
        try {
            device = settings.useGpu() ? BertSentenceEncoder.preferredDevice() : Device.cpu();
            InferenceThreads.setIntraOpThreads(settings.intraOpThreads());
        } catch (RuntimeException | LinkageError e) {
            // No engine, no vectors: every model is unavailable for the same reason.
            LOG.error("PyTorch engine could not start; semantic search is off", e);
            List<ModelStatus> models = catalog.all().stream()
                    .map(d -> ModelStatus.unavailable(d.id(), d.languages(), ModelStatus.Cause.ENGINE_FAILED, String.valueOf(e.getMessage())))
                    .toList();
            return new EncoderService(Map.of(), Map.of(), new EncoderStatus("none", models, settings.modelFor()),
                    executor);
        }

        Map<String, TextEncoder> byModel = new LinkedHashMap<>();
        Map<String, ModelStatus> statuses = new LinkedHashMap<>();
        for (ModelDescriptor d : catalog.all()) {
            statuses.put(d.id(), ModelStatus.notSelected(d.id(), d.languages()));
        }
        Map<Language, TextEncoder> byLanguage = new EnumMap<>(Language.class);
        for (Map.Entry<Language, String> route : settings.modelFor().entrySet()) {
            String id = route.getValue();
            if (!byModel.containsKey(id)) {
                load(catalog, id, device, settings, executor, statuses).ifPresent(e -> byModel.put(id, e));
            }
            TextEncoder encoder = byModel.get(id);
            if (encoder != null) {
                byLanguage.put(route.getKey(), encoder);
            }
        }
        EncoderStatus status = new EncoderStatus(deviceName(device), new ArrayList<>(statuses.values()),
                settings.modelFor());
        return new EncoderService(byLanguage, byModel, status, executor);
    }

    private static Optional<TextEncoder> load(ModelCatalog catalog, String id, Device device,
            EncoderSettings settings, ExecutorService executor, Map<String, ModelStatus> statuses) {
        Optional<ModelDescriptor> descriptor = catalog.find(id);
        if (descriptor.isEmpty()) {
            statuses.put(id, ModelStatus.unavailable(id, List.of(), ModelStatus.Cause.NOT_IN_CATALOG, ""));
            return Optional.empty();
        }
        ModelDescriptor d = descriptor.get();
        long start = System.nanoTime();
        try {
            Optional<Path> trained = settings.trainedRoot().map(root -> root.resolve(d.id()));
            BertSentenceEncoder encoder = BertSentenceEncoder.load(d, device, trained);
            long millis = (System.nanoTime() - start) / 1_000_000;
            statuses.put(id, ModelStatus.loaded(id, d.languages(), encoder.weightsSource(), millis));
            return Optional.of(new DjlTextEncoder(encoder, executor, settings.maxBatch()));
        } catch (ModelUnavailableException e) {
            LOG.warn("encoder {} unavailable: {}", id, e.getMessage());
            statuses.put(id, ModelStatus.unavailable(id, d.languages(), ModelStatus.Cause.FILES_UNAVAILABLE, e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            LOG.error("encoder {} failed to load", id, e);
            statuses.put(id, ModelStatus.unavailable(id, d.languages(), ModelStatus.Cause.LOAD_FAILED, e.toString()));
        }
        return Optional.empty();
    }

    private static ThreadFactory inferenceThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(() -> {
                InferenceThreads.prepareCurrentThreadForInference();
                r.run();
            }, "tandem-inference-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static String deviceName(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }

    public Language detectLanguage(String text) {
        return detector.detect(text);
    }

    /** The encoder for text in {@code language}, or empty when its model is unavailable. */
    public Optional<TextEncoder> encoderFor(Language language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    /** The encoder for this text's language (by script, see {@link LanguageDetector}). */
    public Optional<TextEncoder> encoderFor(String text) {
        return encoderFor(detector.detect(text));
    }

    /** A loaded encoder by catalog id, e.g. to re-encode stored vectors of that model. */
    public Optional<TextEncoder> encoder(String modelId) {
        return Optional.ofNullable(byModel.get(modelId));
    }

    public EncoderStatus status() {
        return status;
    }

    /** Stops the inference threads, then releases predictors and weights. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("inference threads still busy after 30 s; closing models anyway");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        byModel.values().forEach(TextEncoder::close);
    }
}
