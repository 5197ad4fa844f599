package app.tandem.ml.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.InferenceThreads;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a softmax head on sentence vectors that were encoded once and cached: DJL's {@link Trainer}
 * on the PyTorch engine, cross-entropy, AdamW, mini-batches, early stopping on validation accuracy
 * (the weights of the best epoch are kept). On 9,000 cached 384-dimensional vectors an epoch takes
 * tens of milliseconds, so the head is cheap next to the one encoding pass.
 */
public final class HeadTrainer {

    private static final double MIN_LOSS_GAIN = 1e-3;

    /**
     * @param maxEpochs    upper bound; early stopping usually ends sooner
     * @param batchSize    vectors per step
     * @param learningRate AdamW learning rate
     * @param weightDecay  AdamW decoupled weight decay
     * @param patience     epochs without a better validation accuracy before stopping
     * @param seed         shuffling seed (runs are repeatable)
     */
    public record Settings(int maxEpochs, int batchSize, float learningRate, float weightDecay, int patience, long seed) {
        public static Settings defaults() {
            return new Settings(300, 256, 0.01f, 0.0001f, 10, 7);
        }

        public Settings withMaxEpochs(int epochs) {
            return new Settings(epochs, batchSize, learningRate, weightDecay, patience, seed);
        }

        public Settings withPatience(int p) {
            return new Settings(maxEpochs, batchSize, learningRate, weightDecay, p, seed);
        }
    }

    /**
     * @param head                the weights of the best epoch
     * @param curve               every epoch's figures
     * @param bestEpoch           the epoch whose weights were kept
     * @param stoppedEarly        true when patience ran out before {@code maxEpochs}
     */
    public record Result(LinearHead head, List<EpochStats> curve, int bestEpoch, boolean stoppedEarly) {
        public double bestValidationAccuracy() {
            return curve.get(bestEpoch - 1).validationAccuracy();
        }
    }

    private HeadTrainer() {}

    /**
     * Trains on {@code x}/{@code y} (label indexes into {@code labels}); validation vectors may be
     * empty, in which case the last epoch is kept and there is no early stopping.
     */
    public static Result train(float[][] x, int[] y, float[][] validationX, int[] validationY, List<String> labels,
            Settings s, TrainingMonitor monitor) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need as many labels as vectors, and at least one");
        }
        int n = x.length;
        int dims = x[0].length;
        int classes = labels.size();
        Engine.start();
        InferenceThreads.prepareCurrentThreadForInference();
        boolean validate = validationX.length > 0;
        try (Model model = Model.newInstance("intent-head", Device.cpu(), BertSentenceEncoder.ENGINE)) {
            Linear linear = Linear.builder().setUnits(classes).build();
            model.setBlock(linear);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed(s.learningRate()))
                            .optWeightDecays(s.weightDecay()).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                // The head's first weights come from the engine's generator: seeded too, so that a run is
                // repeatable (a toy model in a test otherwise landed either side of the desk's confidence bar).
                ai.djl.engine.Engine.getEngine(BertSentenceEncoder.ENGINE).setRandomSeed((int) s.seed());
                trainer.initialize(new Shape(1, dims));
                NDManager m = trainer.getManager();
                NDArray all = m.create(flatten(x), new Shape(n, dims));
                NDArray allLabels = m.create(toLong(y));
                NDArray valX = validate ? m.create(flatten(validationX), new Shape(validationX.length, dims)) : null;
                NDArray valY = validate ? m.create(toLong(validationY)) : null;

                MiniBatches batches = new MiniBatches(all, allLabels, s.batchSize(), s.seed());
                List<EpochStats> curve = new ArrayList<>();
                float[][] best = MiniBatches.snapshot(linear);
                double bestAccuracy = -1;
                double bestLoss = Double.MAX_VALUE;
                int bestEpoch = 1;
                int sinceBest = 0;
                long steps = 0;
                boolean stoppedEarly = false;
                for (int epoch = 1; epoch <= s.maxEpochs(); epoch++) {
                    monitor.checkCancelled();
                    double trainLoss = batches.epoch(trainer);
                    steps += batches.batchesPerEpoch();
                    double valLoss = Double.NaN;
                    double valAccuracy = Double.NaN;
                    if (validate) {
                        double[] lossAndAccuracy = evaluate(linear, trainer, valX, valY);
                        valLoss = lossAndAccuracy[0];
                        valAccuracy = lossAndAccuracy[1];
                    }
                    EpochStats stats = new EpochStats(epoch, steps, trainLoss, valLoss, valAccuracy);
                    curve.add(stats);
                    monitor.epoch(stats);
                    monitor.progress(TrainingPhase.trainingHead(), epoch, s.maxEpochs());
                    // Equal accuracy counts as better only with a clearly lower loss: on separable data the
                    // loss keeps creeping down forever, which would never let patience run out.
                    boolean better = !validate || valAccuracy > bestAccuracy
                            || (valAccuracy == bestAccuracy && valLoss < bestLoss - MIN_LOSS_GAIN);
                    if (better) {
                        bestAccuracy = validate ? valAccuracy : bestAccuracy;
                        bestLoss = validate ? valLoss : bestLoss;
                        best = MiniBatches.snapshot(linear);
                        bestEpoch = epoch;
                        sinceBest = 0;
                    } else if (++sinceBest >= s.patience()) {
                        stoppedEarly = epoch < s.maxEpochs();
                        break;
                    }
                }
                return new Result(new LinearHead(labels, dims, best[0], best[1]), curve, bestEpoch, stoppedEarly);
            }
        }
    }

    private static double[] evaluate(Linear linear, Trainer trainer, NDArray valX, NDArray valY) {
        try (NDManager sub = trainer.getManager().newSubManager()) {
            NDArray x = valX.duplicate();
            x.attach(sub);
            NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
            NDArray loss = trainer.getLoss().evaluate(new NDList(valY), new NDList(logits));
            NDArray predicted = logits.argMax(1);
            long[] p = predicted.toType(DataType.INT64, false).toLongArray();
            long[] t = valY.toLongArray();
            int right = 0;
            for (int i = 0; i < p.length; i++) {
                if (p[i] == t[i]) {
                    right++;
                }
            }
            return new double[] {loss.getFloat(), (double) right / p.length};
        }
    }

    static float[] flatten(float[][] rows) {
        int dims = rows[0].length;
        float[] out = new float[rows.length * dims];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != dims) {
                throw new IllegalArgumentException("vector " + i + " has " + rows[i].length + " dims, expected " + dims);
            }
            System.arraycopy(rows[i], 0, out, i * dims, dims);
        }
        return out;
    }

    static long[] toLong(int[] y) {
        long[] out = new long[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i];
        }
        return out;
    }


    /** Starts the PyTorch engine (JniUtils calls need it started). */
    static final class Engine {
        private Engine() {}

        static void start() {
            ai.djl.engine.Engine.getEngine(BertSentenceEncoder.ENGINE);
        }
    }
}
