package app.tandem.nlp.intent;

import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.InferenceThreads;
import app.tandem.ml.catalog.ModelCatalog;
import app.tandem.ml.catalog.ModelDescriptor;
import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.ml.train.EncoderFineTuner;
import app.tandem.ml.train.EpochStats;
import app.tandem.ml.train.FineTuningSettings;
import app.tandem.ml.train.HeadTrainer;
import app.tandem.ml.train.LinearHead;
import app.tandem.ml.train.SentenceVectors;
import app.tandem.ml.train.TrainingMonitor;
import app.tandem.ml.train.TrainingPhase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an intent model and files it as a new version: encode every sentence once, train a softmax
 * head on the cached vectors (early stopping on the validation split), optionally fine-tune the
 * encoder with the head, calibrate the out-of-scope threshold, and promote the new version only when
 * it beats the current one on the same validation split. A cancelled or failed run leaves the store
 * as it was. One run at a time.
 */
public final class IntentModelTrainer {

    /**
     * Report key: what is put before each sentence when it is encoded. A customer turn is classified as
     * the text it is (the passage form): the query instruction of retrieval models such as bge ("Represent
     * this sentence for searching relevant passages: ") is meant for query-to-passage search, not for
     * classification, and would double the length of a typical turn. Versions trained before this key
     * existed used the query form.
     */
    public static final String TEXT_PREFIX = "text.prefix";


    private static final Logger LOG = LoggerFactory.getLogger(IntentModelTrainer.class);

    /**
     * @param modelId           catalog id of the encoder (e.g. all-minilm-l6-v2)
     * @param train             training examples (already cleaned, see {@link IntentDataImport})
     * @param validation        held-out examples; empty: 10% of each intent of {@code train} is held out
     * @param outOfScope        held-out sentences that belong to no intent (for the threshold); may be empty
     * @param head              head training settings
     * @param fineTuning        present: also fine-tune the encoder with these settings
     * @param description       what the data was, for the report ("banking77 train.csv", "3 CSV files")
     * @param promoteIfBetter   false files the version without promoting (evaluations)
     */
    public record Request(String modelId, List<IntentExample> train, List<IntentExample> validation,
            List<String> outOfScope, HeadTrainer.Settings head, Optional<FineTuningSettings> fineTuning,
            String description, boolean promoteIfBetter) {

        public static Request of(List<IntentExample> train, String description) {
            return new Request("all-minilm-l6-v2", train, List.of(), List.of(), HeadTrainer.Settings.defaults(),
                    Optional.empty(), description, true);
        }

        public Request withModel(String id) {
            return new Request(id, train, validation, outOfScope, head, fineTuning, description, promoteIfBetter);
        }

        public Request withValidation(List<IntentExample> v, List<String> oos) {
            return new Request(modelId, train, v, oos, head, fineTuning, description, promoteIfBetter);
        }

        public Request withHead(HeadTrainer.Settings h) {
            return new Request(modelId, train, validation, outOfScope, h, fineTuning, description, promoteIfBetter);
        }

        public Request withFineTuning(Optional<FineTuningSettings> f) {
            return new Request(modelId, train, validation, outOfScope, head, f, description, promoteIfBetter);
        }

        public Request withPromotion(boolean promote) {
            return new Request(modelId, train, validation, outOfScope, head, fineTuning, description, promote);
        }
    }

    /**
     * @param version      the new version's id
     * @param report       its report (also in its folder)
     * @param promoted     whether it is now the current model
     * @param promotion    why it was or was not promoted, as data ({@link #decision()} in English words)
     * @param headCurve    the head's training curve
     * @param fineTuneCurve the fine-tuning curve (empty when not fine-tuned)
     */
    public record Outcome(String version, Map<String, String> report, boolean promoted, Promotion promotion,
            List<EpochStats> headCurve, List<EpochStats> fineTuneCurve) {

        /** Why it was or was not promoted, in English words (logs, the command line, the report). */
        public String decision() {
            return promotion.english();
        }
    }

    /** The data names fewer than two intents: there is nothing to tell apart. */
    public static final class TooFewIntentsException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;
        private final int found;

        TooFewIntentsException(int found) {
            super("intent training needs at least two intents, found " + found);
            this.found = found;
        }

        public int found() {
            return found;
        }
    }

    private final IntentModelStore store;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public IntentModelTrainer(IntentModelStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public IntentModelStore store() {
        return store;
    }

    public Outcome train(Request r, TrainingMonitor monitor) throws IOException, ModelUnavailableException {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("an intent training run is already going");
        }
        Path staging = store.newStaging();
        // The desk leaves a core to the window (EncoderSettings.defaults); a training run is bulk work a
        // supervisor waits for, so it takes every core and gives the desk its setting back at the end.
        int desksThreads = InferenceThreads.intraOpThreads();
        InferenceThreads.setIntraOpThreads(Runtime.getRuntime().availableProcessors());
        try {
            Outcome outcome = run(r, monitor, staging);
            LOG.info("intent model {}: {}", outcome.version(), outcome.decision());
            return outcome;
        } catch (IOException | ModelUnavailableException | RuntimeException | Error e) {
            store.discard(staging);
            throw e;
        } finally {
            InferenceThreads.setIntraOpThreads(desksThreads);
            running.set(false);
        }
    }

    private Outcome run(Request r, TrainingMonitor monitor, Path staging) throws IOException, ModelUnavailableException {
        long started = System.nanoTime();
        List<IntentExample> train = r.train();
        List<IntentExample> validation = r.validation();
        if (validation.isEmpty()) {
            Split split = stratified(train, 0.1, 77);
            train = split.train;
            validation = split.held;
        }
        List<String> labels = new ArrayList<>(new TreeSet<>(train.stream().map(IntentExample::intent).toList()));
        if (labels.size() < 2) {
            throw new TooFewIntentsException(labels.size());
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        labels.forEach(l -> index.put(l, index.size()));
        int unknownValidation = (int) validation.stream().filter(e -> !index.containsKey(e.intent())).count();
        validation = validation.stream().filter(e -> index.containsKey(e.intent())).toList();

        ModelDescriptor d = ModelCatalog.load().find(r.modelId())
                .orElseThrow(() -> new IllegalArgumentException("no model " + r.modelId() + " in the catalog"));
        Map<String, String> report = new LinkedHashMap<>();
        report.put("created.at", clock.instant().toString());
        report.put("data", r.description());
        report.put("model.id", d.id());
        report.put(TEXT_PREFIX, d.passagePrefix());
        report.put("intents", Integer.toString(labels.size()));
        report.put("train.examples", Integer.toString(train.size()));
        report.put("validation.examples", Integer.toString(validation.size()));
        report.put("validation.unknown.intents.dropped", Integer.toString(unknownValidation));
        report.put("validation.out.of.scope", Integer.toString(r.outOfScope().size()));

        List<String> trainTexts = train.stream().map(IntentExample::text).toList();
        List<String> valTexts = validation.stream().map(IntentExample::text).toList();
        int[] y = train.stream().mapToInt(e -> index.get(e.intent())).toArray();
        int[] valY = validation.stream().mapToInt(e -> index.get(e.intent())).toArray();

        long encodeStart = System.nanoTime();
        List<String> all = new ArrayList<>(trainTexts);
        all.addAll(valTexts);
        all.addAll(r.outOfScope());
        float[][] vectors;
        String device;
        try (BertSentenceEncoder encoder = BertSentenceEncoder.load(d, BertSentenceEncoder.preferredDevice(), Optional.empty())) {
            device = encoder.device().isGpu() ? "gpu" : "cpu";
            vectors = SentenceVectors.encode(encoder, all, d.passagePrefix(), 32, monitor);
        }
        double encodeSeconds = seconds(encodeStart);
        float[][] x = java.util.Arrays.copyOfRange(vectors, 0, trainTexts.size());
        float[][] vx = java.util.Arrays.copyOfRange(vectors, trainTexts.size(), trainTexts.size() + valTexts.size());
        float[][] ox = java.util.Arrays.copyOfRange(vectors, trainTexts.size() + valTexts.size(), vectors.length);

        long headStart = System.nanoTime();
        HeadTrainer.Result head = HeadTrainer.train(x, y, vx, valY, labels, r.head(), monitor);
        double headSeconds = seconds(headStart);
        report.put("device", device);
        report.put("time.encode.seconds", fmt(encodeSeconds));
        report.put("time.head.seconds", fmt(headSeconds));
        report.put("head.epochs", Integer.toString(head.curve().size()));
        report.put("head.best.epoch", Integer.toString(head.bestEpoch()));
        report.put("head.stopped.early", Boolean.toString(head.stoppedEarly()));
        report.put("head.validation.accuracy", fmt(head.bestValidationAccuracy()));

        LinearHead finalHead = head.head();
        float[][] valProbs = probabilities(finalHead, vx);
        float[][] oosProbs = probabilities(finalHead, ox);
        List<EpochStats> fineCurve = List.of();
        boolean fineTuned = false;
        if (r.fineTuning().isPresent()) {
            long ftStart = System.nanoTime();
            FineTuningSettings s = r.fineTuning().get();
            report.put("fine.tune.settings", s.toString());
            EncoderFineTuner.Result ft = EncoderFineTuner.fineTune(d, Optional.empty(),
                    new EncoderFineTuner.Data(trainTexts, y, valTexts, valY, r.outOfScope(), labels),
                    Optional.of(finalHead), s, staging.resolve(IntentModelStore.ENCODER_FOLDER), report, monitor);
            report.put("time.fine.tune.seconds", fmt(seconds(ftStart)));
            report.put("fine.tune.steps", Long.toString(ft.steps()));
            report.put("fine.tune.device", ft.device());
            report.put("fine.tune.validation.accuracy", fmt(ft.bestValidationAccuracy()));
            report.put("fine.tune.best.point", ft.bestPoint());
            ft.notes().forEach(n -> report.put("fine.tune.note." + report.size(), n.english()));
            fineCurve = ft.curve();
            if (validation.isEmpty() || ft.bestValidationAccuracy() > head.bestValidationAccuracy()) {
                finalHead = ft.head();
                valProbs = ft.validationProbabilities();
                oosProbs = ft.extraProbabilities();
                fineTuned = true;
            } else {
                // The fine-tuned encoder did not beat the frozen one: keep the frozen head, drop the weights.
                store.discard(staging.resolve(IntentModelStore.ENCODER_FOLDER));
                report.put("fine.tune.kept", "false (frozen head was as good on validation)");
            }
        }
        report.put("fine.tuned", Boolean.toString(fineTuned));

        double[] conf = new double[valProbs.length];
        boolean[] correct = new boolean[valProbs.length];
        for (int i = 0; i < valProbs.length; i++) {
            int best = LinearHead.argmax(valProbs[i]);
            conf[i] = valProbs[i][best];
            correct[i] = best == valY[i];
        }
        double[] oosConf = new double[oosProbs.length];
        for (int i = 0; i < oosProbs.length; i++) {
            oosConf[i] = oosProbs[i][LinearHead.argmax(oosProbs[i])];
        }
        double threshold = OutOfScopeThreshold.choose(conf, correct, oosConf);
        report.put("oos.threshold", fmt(threshold));
        if (oosConf.length == 0) {
            report.put("oos.note", "no out-of-scope examples to calibrate on: never flags");
        }
        List<IntentPrediction> valPredictions = new ArrayList<>();
        for (float[] p : valProbs) {
            int best = LinearHead.argmax(p);
            valPredictions.add(new IntentPrediction(labels.get(best), p[best], false));
        }
        IntentMetrics vm = IntentMetrics.of(validation.stream().map(IntentExample::intent).toList(), valPredictions);
        report.put("validation.accuracy", fmt(vm.accuracy()));
        report.put("validation.macro.f1", fmt(vm.macroF1()));
        finalHead.write(staging.resolve(IntentModelStore.HEAD_FILE));

        // Promotion: the current model scored on this same validation split.
        Optional<String> current = store.current();
        Promotion decision;
        if (!r.promoteIfBetter()) {
            decision = new Promotion(Promotion.Kind.EVALUATION_RUN, current.orElse(""), vm.accuracy(), -1);
        } else if (current.isEmpty()) {
            decision = new Promotion(Promotion.Kind.FIRST_MODEL, "", vm.accuracy(), -1);
        } else if (validation.isEmpty()) {
            decision = new Promotion(Promotion.Kind.NO_VALIDATION_DATA, current.get(), vm.accuracy(), -1);
        } else {
            monitor.progress(TrainingPhase.scoringCurrent(current.get()), 0, 1);
            double currentAccuracy;
            try (IntentClassifier cur = IntentClassifier.load(store, current.get(), Optional.empty())) {
                List<IntentPrediction> p = cur.classifyAll(valTexts);
                currentAccuracy = IntentMetrics.of(validation.stream().map(IntentExample::intent).toList(),
                        p.stream().map(q -> new IntentPrediction(q.intent(), q.confidence(), false)).toList()).accuracy();
            } catch (IOException | ModelUnavailableException | RuntimeException e) {
                LOG.warn("current intent model {} cannot be scored: {}", current.get(), e.getMessage());
                currentAccuracy = -1;
            }
            report.put("compared.with", current.get());
            report.put("compared.current.accuracy", fmt(currentAccuracy));
            decision = new Promotion(vm.accuracy() > currentAccuracy ? Promotion.Kind.BEATS_CURRENT : Promotion.Kind.DOES_NOT_BEAT_CURRENT,
                    current.get(), vm.accuracy(), currentAccuracy);
        }
        boolean promote = decision.promoted();
        report.put("decision", decision.english());
        report.put(Promotion.REPORT_KIND, decision.kind().name());
        report.put("time.total.seconds", fmt(seconds(started)));
        monitor.checkCancelled();
        String version = store.commit(staging, report);
        if (promote) {
            store.promote(version);
        }
        return new Outcome(version, report, promote, decision, head.curve(), fineCurve);
    }

    private static float[][] probabilities(LinearHead head, float[][] vectors) {
        float[][] out = new float[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            out[i] = head.probabilities(vectors[i]);
        }
        return out;
    }

    /** Two parts of labelled data. */
    public record Split(List<IntentExample> train, List<IntentExample> held) {}

    /** Holds out {@code fraction} of each intent (at least one when it has two or more), with a fixed seed. */
    public static Split stratified(List<IntentExample> data, double fraction, long seed) {
        Map<String, List<IntentExample>> byLabel = new java.util.TreeMap<>();
        data.forEach(e -> byLabel.computeIfAbsent(e.intent(), k -> new ArrayList<>()).add(e));
        Random random = new Random(seed);
        List<IntentExample> train = new ArrayList<>();
        List<IntentExample> held = new ArrayList<>();
        byLabel.values().forEach(rows -> {
            List<IntentExample> shuffled = new ArrayList<>(rows);
            Collections.shuffle(shuffled, random);
            int n = shuffled.size() < 2 ? 0 : Math.max(1, (int) Math.round(shuffled.size() * fraction));
            held.addAll(shuffled.subList(0, n));
            train.addAll(shuffled.subList(n, shuffled.size()));
        });
        return new Split(train, held);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
