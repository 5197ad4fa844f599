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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fine-tunes the whole encoder (optionally only its top layers) together with a linear intent head,
 * on (sentence, intent) pairs: DJL's {@link Trainer} on the PyTorch engine, the loss of
 * {@link FineTuningObjective}, AdamW with linear
 * warm-up and cosine decay. The validation split is evaluated several times per epoch and the best
 * point's encoder weights are saved (in {@link TrainedWeights} format) to the caller's folder.
 *
 * <p>On a GPU that runs out of memory the batch is halved; below 4 sentences the run restarts on the CPU.
 */
public final class EncoderFineTuner {

    private static final Logger LOG = LoggerFactory.getLogger(EncoderFineTuner.class);
    private static final long PAD_ID = 0;

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
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
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
            List<long[]> trainIds = tokenize(encoder, prefix, data.texts());
            List<long[]> valIds = tokenize(encoder, prefix, data.validationTexts());
            List<long[]> extraIds = tokenize(encoder, prefix, data.extraValidation());
            BertEncoderBlock encoderBlock = encoder.block();
            EncoderClassifierBlock block = new EncoderClassifierBlock(encoderBlock, data.classes().size());
            model.setBlock(block);
            int n = trainIds.size();
            int stepsPerEpoch = (n + s.batchSize() - 1) / s.batchSize();
            int totalSteps = Math.max(1, stepsPerEpoch * s.epochs());
            int warmup = Math.max(1, (int) (totalSteps * s.warmupFraction()));
            Tracker schedule = Tracker.warmUp().optWarmUpSteps(warmup).optWarmUpBeginValue(s.learningRate() / 20)
                    .setMainTracker(Tracker.cosine().setBaseValue(s.learningRate()).optFinalValue(s.learningRate() / 50)
                            .setMaxUpdates(Math.max(1, totalSteps - warmup)).build())
                    .build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(schedule).optWeightDecays(s.weightDecay())
                            .optClipGrad(1f).build())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(1, 8), new Shape(1, 8));
                initialHead.ifPresent(h -> setHead(block, h));
                freeze(encoderBlock, s);
                int[] evaluateAt = evaluationSteps(stepsPerEpoch, s);
                List<EpochStats> curve = new ArrayList<>();
                Best best = new Best(MiniBatches.snapshot(block.head()));
                Random random = new Random(s.seed());
                long step = 0;
                double lossSum = 0;
                int lossCount = 0;
                int nextEval = 0;
                try (WeightAverage average = s.averageDecay() > 0 ? new WeightAverage(block, s.averageDecay()) : null) {
                    for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                        List<int[]> batches = batches(trainIds, s.batchSize(), random);
                        for (int b = 0; b < batches.size(); b++) {
                            monitor.checkCancelled();
                            int[] batch = batches.get(b);
                            try {
                                lossSum += step(trainer, block, trainIds, data.labels(), batch, s);
                            } catch (EngineException | OutOfMemoryError e) {
                                if (isOutOfMemory(e)) {
                                    throw new OutOfMemory(deviceName, e);
                                }
                                throw e;
                            }
                            if (average != null) {
                                average.update();
                            }
                            lossCount++;
                            step++;
                            monitor.progress(TrainingPhase.fineTuning(epoch, s.epochs()), step, totalSteps);
                            boolean evaluateNow = nextEval < evaluateAt.length && (b + 1) == evaluateAt[nextEval];
                            if (evaluateNow) {
                                nextEval++;
                                Evaluation ev = evaluate(trainer, block, valIds, data.validationLabels(), extraIds);
                                EpochStats stats = new EpochStats(epoch, step, lossSum / Math.max(1, lossCount), ev.loss, ev.accuracy);
                                curve.add(stats);
                                monitor.epoch(stats);
                                LOG.info("fine-tune epoch {} step {}: train loss {} validation accuracy {}", epoch, step,
                                        stats.trainLoss(), ev.accuracy);
                                lossSum = 0;
                                lossCount = 0;
                                best.offer(ev, valIds.isEmpty(), block, encoderBlock, report, saveTo, "raw weights");
                                if (average != null) {
                                    average.swapIn();
                                    try {
                                        Evaluation avg = evaluate(trainer, block, valIds, data.validationLabels(), extraIds);
                                        LOG.info("fine-tune epoch {} step {}: averaged weights' validation accuracy {}", epoch,
                                                step, avg.accuracy);
                                        best.offer(avg, false, block, encoderBlock, report, saveTo, "averaged weights");
                                    } finally {
                                        average.swapOut();
                                    }
                                }
                            }
                        }
                        nextEval = 0;
                    }
                }
                LinearHead head = new LinearHead(data.classes(), encoderBlock.architecture().hidden(), best.head[0], best.head[1]);
                return new Result(head, curve, valIds.isEmpty() ? Double.NaN : best.accuracy, best.validationProbabilities,
                        best.extraProbabilities, step, deviceName, notes, best.which);
            }
        }
    }

    /** The best validation point so far: its head, probabilities and (saved on disk) encoder weights. */
    private static final class Best {
        float[][] head;
        double accuracy = Double.NEGATIVE_INFINITY;
        float[][] validationProbabilities = new float[0][];
        float[][] extraProbabilities = new float[0][];
        String which = "none";

        Best(float[][] head) {
            this.head = head;
        }

        /** Keeps the block's current weights when they beat the best so far (or always, without validation data). */
        void offer(Evaluation ev, boolean always, EncoderClassifierBlock block, BertEncoderBlock encoder,
                Map<String, String> report, Path saveTo, String what) {
            if (always || ev.accuracy > accuracy) {
                accuracy = ev.accuracy;
                head = MiniBatches.snapshot(block.head());
                validationProbabilities = ev.probabilities;
                extraProbabilities = ev.extraProbabilities;
                which = what;
                saveEncoder(encoder, report, saveTo);
            }
        }
    }

    private static void saveEncoder(BertEncoderBlock block, Map<String, String> report, Path saveTo) {
        try {
            TrainedWeights.save(block, report, saveTo);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save fine-tuned weights to " + saveTo, e);
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

    /**
     * Shuffled batches of similar length: shuffle, sort windows of 50 batches by length, cut, shuffle the
     * batches. Padding stays small and every epoch still sees a new order.
     */
    static List<int[]> batches(List<long[]> ids, int batchSize, Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int window = batchSize * 50;
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < order.size(); start += window) {
            List<Integer> w = new ArrayList<>(order.subList(start, Math.min(order.size(), start + window)));
            w.sort(Comparator.comparingInt(i -> ids.get(i).length));
            for (int b = 0; b < w.size(); b += batchSize) {
                out.add(w.subList(b, Math.min(w.size(), b + batchSize)).stream().mapToInt(Integer::intValue).toArray());
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    private static double step(Trainer trainer, EncoderClassifierBlock block, List<long[]> ids, int[] labels,
            int[] batch, FineTuningSettings s) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            List<long[]> rows = new ArrayList<>(batch.length);
            long[] y = new long[batch.length];
            for (int i = 0; i < batch.length; i++) {
                rows.add(ids.get(batch[i]));
                y[i] = labels[batch[i]];
            }
            NDList inputs = pad(m, rows);
            NDArray target = m.create(y);
            double value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList out = trainer.forward(inputs);
                NDArray logits = out.get(0);
                NDArray vectors = out.get(1);
                NDArray loss = FineTuningObjective.of(trainer.getLoss(), s).loss(logits, vectors, target, y, m);
                collector.backward(loss);
                value = loss.getFloat();
            }
            trainer.step();
            return value;
        }
    }

    private record Evaluation(double loss, double accuracy, float[][] probabilities, float[][] extraProbabilities) {}

    private static Evaluation evaluate(Trainer trainer, EncoderClassifierBlock block, List<long[]> valIds, int[] valY,
            List<long[]> extraIds) {
        if (valIds.isEmpty()) {
            return new Evaluation(Double.NaN, Double.NaN, new float[0][], probabilities(trainer, block, extraIds));
        }
        float[][] probs = probabilities(trainer, block, valIds);
        double loss = 0;
        int right = 0;
        for (int i = 0; i < probs.length; i++) {
            loss -= Math.log(Math.max(1e-12, probs[i][valY[i]]));
            if (LinearHead.argmax(probs[i]) == valY[i]) {
                right++;
            }
        }
        return new Evaluation(loss / probs.length, (double) right / probs.length, probs,
                probabilities(trainer, block, extraIds));
    }

    /** Softmax rows for the given sentences, in their order (batched by length, no gradients). */
    private static float[][] probabilities(Trainer trainer, EncoderClassifierBlock block, List<long[]> ids) {
        float[][] out = new float[ids.size()][];
        Integer[] order = new Integer[ids.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).length));
        int batch = 64;
        for (int start = 0; start < order.length; start += batch) {
            int end = Math.min(order.length, start + batch);
            List<long[]> rows = new ArrayList<>();
            for (int i = start; i < end; i++) {
                rows.add(ids.get(order[i]));
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(pad(m, rows)).get(0);
                NDArray p = logits.softmax(1);
                int classes = (int) p.getShape().get(1);
                float[] flat = p.toFloatArray();
                for (int i = start; i < end; i++) {
                    float[] row = new float[classes];
                    System.arraycopy(flat, (i - start) * classes, row, 0, classes);
                    out[order[i]] = row;
                }
            }
        }
        return out;
    }

    /** Pads token rows into {@code [ids, mask]}; the mask is left out when nothing is padded. */
    static NDList pad(NDManager m, List<long[]> rows) {
        int length = rows.stream().mapToInt(r -> r.length).max().orElse(1);
        long[] ids = new long[rows.size() * length];
        float[] mask = new float[rows.size() * length];
        boolean padded = false;
        for (int r = 0; r < rows.size(); r++) {
            long[] row = rows.get(r);
            System.arraycopy(row, 0, ids, r * length, row.length);
            for (int c = 0; c < length; c++) {
                if (c < row.length) {
                    mask[r * length + c] = 1f;
                } else {
                    ids[r * length + c] = PAD_ID;
                    padded = true;
                }
            }
        }
        NDArray idArray = m.create(ids, new Shape(rows.size(), length));
        return padded ? new NDList(idArray, m.create(mask, new Shape(rows.size(), length))) : new NDList(idArray);
    }
}
