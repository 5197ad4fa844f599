package app.tandem.ml.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import app.tandem.ml.bert.BertEncoderBlock;
import app.tandem.ml.bert.BertParameterNames;
import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.InferenceThreads;
import app.tandem.ml.bert.TrainedWeights;
import app.tandem.ml.catalog.ModelDescriptor;
import app.tandem.ml.catalog.ModelUnavailableException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes the whole encoder (optionally only its top layers) together with a linear intent head,
 * on (sentence, intent) pairs: DJL's {@link Trainer} on the PyTorch engine, the loss of
 * {@link FineTuningObjective}, AdamW with linear warm-up and cosine decay, batches from
 * {@link LabelledBatches}. The validation split is evaluated several times per epoch and the best
 * point's encoder weights are saved (in {@link TrainedWeights} format) to the caller's folder.
 *
 * <p>On a GPU that runs out of memory the batch is halved; below 4 sentences the run restarts on the CPU.
 */
public final class EncoderFineTuner {

    private static final Logger LOG = LoggerFactory.getLogger(EncoderFineTuner.class);

    /**
     * @param head                       the head at the best validation point
     * @param curve                      one point per evaluation
     * @param bestValidationAccuracy     accuracy at that point (NaN without validation data)
     * @param validationProbabilities    softmax rows of the validation sentences at that point
     * @param extraProbabilities         softmax rows of the extra (e.g. out-of-scope) sentences at that point
     * @param steps                      optimizer steps taken
     * @param device                     where it ran, e.g. "cpu"
     * @param notes                      fallbacks taken (smaller batch, CPU)
     * @param bestPoint                  which weights were kept: "raw weights" or "averaged weights"
     */
    public record Result(LinearHead head, List<EpochStats> curve, double bestValidationAccuracy,
            float[][] validationProbabilities, float[][] extraProbabilities, long steps, String device, List<TrainingNote> notes,
            String bestPoint) {}

    /** The labelled data of one run; {@code extraValidation} are sentences without a class (out-of-scope). */
    public record Data(List<String> texts, int[] labels, List<String> validationTexts, int[] validationLabels,
            List<String> extraValidation, List<String> classes) {}

    private EncoderFineTuner() {}

    /**
     * Fine-tunes the encoder of {@code descriptor} (starting from the weights in {@code startFrom} when it
     * holds a saved set, else the imported ones) and writes the best encoder weights to {@code saveTo}
     * with {@code report} as their evaluation report. {@code initialHead} (trained on frozen vectors)
     * warm-starts the head, which keeps the first steps from wrecking the encoder.
     */
    public static Result fineTune(ModelDescriptor descriptor, Optional<Path> startFrom, Data data,
            Optional<LinearHead> initialHead, FineTuningSettings s, Path saveTo, Map<String, String> report,
            TrainingMonitor monitor) throws ModelUnavailableException {
        List<TrainingNote> notes = new ArrayList<>();
        FineTuningSettings current = s;
        while (true) {
            try {
                return run(descriptor, startFrom, data, initialHead, current, saveTo, report, monitor, notes);
            } catch (OutOfMemory oom) {
                if (current.batchSize() >= 8) {
                    current = current.withBatchSize(current.batchSize() / 2);
                    TrainingNote note = TrainingNote.smallerBatches(oom.device, current.batchSize());
                    notes.add(note);
                    monitor.note(note);
                } else if (current.useGpu()) {
                    current = current.onCpu().withBatchSize(s.batchSize());
                    TrainingNote note = TrainingNote.onCpu();
                    notes.add(note);
                    monitor.note(note);
                } else {
                    throw new IllegalStateException("out of memory on the CPU with batches of " + current.batchSize(), oom);
                }
            }
        }
    }

    private static final class OutOfMemory extends RuntimeException {
        final String device;

        OutOfMemory(String device, Throwable cause) {
            super(cause.getMessage(), cause);
            this.device = device;
        }
    }

    static boolean isOutOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof OutOfMemoryError || m.contains("out of memory") || m.contains("cuda error: out")) {
                return true;
            }
        }
        return false;
    }

    private static Result run(ModelDescriptor d, Optional<Path> startFrom, Data data, Optional<LinearHead> initialHead,
            FineTuningSettings s, Path saveTo, Map<String, String> report, TrainingMonitor monitor, List<TrainingNote> notes)
            throws ModelUnavailableException {
        Device device = s.useGpu() ? BertSentenceEncoder.preferredDevice() : Device.cpu();
        String deviceName = device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
        InferenceThreads.prepareCurrentThreadForInference();
        String prefix = d.passagePrefix(); // sentences as they are: see IntentModelTrainer.TEXT_PREFIX
        try (BertSentenceEncoder encoder = BertSentenceEncoder.load(d, device, startFrom);
                Model model = Model.newInstance("intent-fine-tune", device, BertSentenceEncoder.ENGINE)) {
            LabelledBatches batches = new LabelledBatches(tokenize(encoder, prefix, data.texts()), data.labels(),
                    s.batchSize(), s.seed());
            ValidationScorer scorer = new ValidationScorer(tokenize(encoder, prefix, data.validationTexts()),
                    data.validationLabels(), tokenize(encoder, prefix, data.extraValidation()));
            BertEncoderBlock encoderBlock = encoder.block();
            EncoderClassifierBlock block = new EncoderClassifierBlock(encoderBlock, data.classes().size());
            model.setBlock(block);
            int stepsPerEpoch = batches.perEpoch();
            int totalSteps = Math.max(1, stepsPerEpoch * s.epochs());
            try (Trainer trainer = model.newTrainer(trainingConfig(s, totalSteps, device))) {
                trainer.initialize(new Shape(1, 8), new Shape(1, 8));
                initialHead.ifPresent(h -> setHead(block, h));
                freeze(encoderBlock, s);
                FineTuningObjective objective = FineTuningObjective.of(trainer.getLoss(), s);
                int[] evaluateAt = evaluationSteps(stepsPerEpoch, s);
                List<EpochStats> curve = new ArrayList<>();
                BestPoint best = new BestPoint(block, encoderBlock, report, saveTo);
                long step = 0;
                double lossSum = 0;
                int lossCount = 0;
                try (WeightAverage average = s.averageDecay() > 0 ? new WeightAverage(block, s.averageDecay()) : null) {
                    for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                        List<LabelledBatches.Batch> epochBatches = batches.nextEpoch();
                        int nextEval = 0;
                        for (int b = 0; b < epochBatches.size(); b++) {
                            monitor.checkCancelled();
                            lossSum += step(trainer, objective, epochBatches.get(b), deviceName);
                            if (average != null) {
                                average.update();
                            }
                            lossCount++;
                            step++;
                            monitor.progress(TrainingPhase.fineTuning(epoch, s.epochs()), step, totalSteps);
                            if (nextEval < evaluateAt.length && b + 1 == evaluateAt[nextEval]) {
                                nextEval++;
                                ValidationScorer.Scores scores = scorer.score(trainer);
                                EpochStats stats = new EpochStats(epoch, step, lossSum / Math.max(1, lossCount),
                                        scores.loss(), scores.accuracy());
                                curve.add(stats);
                                monitor.epoch(stats);
                                LOG.info("fine-tune epoch {} step {}: train loss {} validation accuracy {}", epoch, step,
                                        stats.trainLoss(), scores.accuracy());
                                lossSum = 0;
                                lossCount = 0;
                                best.offer(scores, !scorer.hasValidation(), "raw weights");
                                if (average != null) {
                                    offerAveraged(trainer, scorer, average, best, epoch, step);
                                }
                            }
                        }
                    }
                }
                LinearHead head = new LinearHead(data.classes(), encoderBlock.architecture().hidden(), best.head()[0],
                        best.head()[1]);
                return new Result(head, curve, scorer.hasValidation() ? best.accuracy() : Double.NaN,
                        best.validationProbabilities(), best.extraProbabilities(), step, deviceName, notes, best.which());
            }
        }
    }

    /** AdamW (gradients clipped at 1) with a linear warm-up from lr/20 and a cosine decay to lr/50. */
    private static DefaultTrainingConfig trainingConfig(FineTuningSettings s, int totalSteps, Device device) {
        int warmup = Math.max(1, (int) (totalSteps * s.warmupFraction()));
        Tracker schedule = Tracker.warmUp().optWarmUpSteps(warmup).optWarmUpBeginValue(s.learningRate() / 20)
                .setMainTracker(Tracker.cosine().setBaseValue(s.learningRate()).optFinalValue(s.learningRate() / 50)
                        .setMaxUpdates(Math.max(1, totalSteps - warmup)).build())
                .build();
        return new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(s.weightDecay())
                        .optClipGrad(1f).build())
                .optDevices(new Device[] {device});
    }

    /** Scores the weight average in place of the raw weights, which come back afterwards. */
    private static void offerAveraged(Trainer trainer, ValidationScorer scorer, WeightAverage average, BestPoint best,
            int epoch, long step) {
        average.swapIn();
        try {
            ValidationScorer.Scores scores = scorer.score(trainer);
            LOG.info("fine-tune epoch {} step {}: averaged weights' validation accuracy {}", epoch, step,
                    scores.accuracy());
            best.offer(scores, false, "averaged weights");
        } finally {
            average.swapOut();
        }
    }

    /** One optimizer step on {@code batch}; returns its loss. */
    private static double step(Trainer trainer, FineTuningObjective objective, LabelledBatches.Batch batch,
            String deviceName) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDList inputs = batch.tokens().pad(m);
            NDArray target = m.create(batch.labels());
            double value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList out = trainer.forward(inputs);
                NDArray loss = objective.loss(out.get(0), out.get(1), target, batch.labels(), m);
                collector.backward(loss);
                value = loss.getFloat();
            }
            trainer.step();
            return value;
        } catch (EngineException | OutOfMemoryError e) {
            if (isOutOfMemory(e)) {
                throw new OutOfMemory(deviceName, e);
            }
            throw e;
        }
    }

    private static int[] evaluationSteps(int stepsPerEpoch, FineTuningSettings s) {
        int k = Math.max(1, Math.min(s.evaluationsPerEpoch(), stepsPerEpoch));
        int[] at = new int[k];
        for (int i = 0; i < k; i++) {
            at[i] = (int) Math.round((double) stepsPerEpoch * (i + 1) / k);
        }
        return at;
    }

    private static void freeze(BertEncoderBlock block, FineTuningSettings s) {
        int layers = block.architecture().layers();
        int firstTrained = s.trainLastLayers() <= 0 ? 0 : Math.max(0, layers - s.trainLastLayers());
        for (Pair<String, Parameter> p : block.getParameters()) {
            String name = p.getKey();
            boolean frozen;
            if (name.startsWith("embeddings.")) {
                frozen = firstTrained > 0 || (s.freezeEmbeddings() && name.equals(BertParameterNames.WORD_EMBEDDINGS));
            } else {
                int layer = Integer.parseInt(name.substring("layer".length(), name.indexOf('.')));
                frozen = layer < firstTrained;
            }
            p.getValue().freeze(frozen);
        }
    }

    private static void setHead(EncoderClassifierBlock block, LinearHead h) {
        Parameter w = block.head().getParameters().get("weight");
        Parameter b = block.head().getParameters().get("bias");
        w.getArray().set(h.weights());
        b.getArray().set(h.bias());
    }

    private static List<long[]> tokenize(BertSentenceEncoder encoder, String prefix, List<String> texts) {
        List<long[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(encoder.tokenize(prefix + t));
        }
        return out;
    }
}
