package app.tandem.ml.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.InferenceThreads;
import java.util.List;

/**
 * Trains a yes/no classifier on standardised feature rows with DJL on the PyTorch engine: one linear
 * unit, sigmoid binary cross-entropy, AdamW, mini-batches, early stopping on validation log loss (the
 * best epoch's weights are kept). Returned as a two-class {@link LinearHead} whose "no" row is zero,
 * which gives the same probabilities as the sigmoid, so callers score it like any other head.
 *
 * <p>Not {@link HeadTrainer} with two classes: DJL's first-step check sums the gradients with their
 * signs, and a softmax's per-class gradients cancel exactly, so two-class training fails at random
 * with "Gradient values are all zeros".
 */
public final class LogisticTrainer {

    /** The head, and the epoch whose weights it holds. */
    public record Result(LinearHead head, int bestEpoch, int epochs) {}

    private LogisticTrainer() {}

    /**
     * @param x           standardised training rows
     * @param yes         true for the positive class, one per row
     * @param validationX rows for early stopping; empty keeps the last epoch
     * @param validationY their labels
     * @param labels      the negative and then the positive class name
     */
    public static Result train(float[][] x, boolean[] yes, float[][] validationX, boolean[] validationY, List<String> labels,
                               HeadTrainer.Settings s) {
        if (x.length == 0 || x.length != yes.length || labels.size() != 2) {
            throw new IllegalArgumentException("need a label per row, at least one row, and two class names");
        }
        int n = x.length;
        int dims = x[0].length;
        HeadTrainer.Engine.start();
        InferenceThreads.prepareCurrentThreadForInference();
        boolean validate = validationX.length > 0;
        try (Model model = Model.newInstance("logistic-head", Device.cpu(), BertSentenceEncoder.ENGINE)) {
            Linear linear = Linear.builder().setUnits(1).build();
            model.setBlock(linear);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed(s.learningRate()))
                            .optWeightDecays(s.weightDecay()).build())
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(config)) {
                // Seeded as HeadTrainer does: unseeded, the first weights came from whatever the engine's generator
                // held, and a re-ranker trained on noise was promoted or not depending on what ran before it.
                ai.djl.engine.Engine.getEngine(BertSentenceEncoder.ENGINE).setRandomSeed((int) s.seed());
                trainer.initialize(new Shape(1, dims));
                NDManager m = trainer.getManager();
                NDArray all = m.create(HeadTrainer.flatten(x), new Shape(n, dims));
                NDArray allLabels = m.create(toFloat(yes), new Shape(n, 1));
                NDArray valX = validate ? m.create(HeadTrainer.flatten(validationX), new Shape(validationX.length, dims)) : null;
                NDArray valY = validate ? m.create(toFloat(validationY), new Shape(validationY.length, 1)) : null;

                MiniBatches batches = new MiniBatches(all, allLabels, s.batchSize(), s.seed());
                float[][] best = MiniBatches.snapshot(linear);
                double bestLoss = Double.MAX_VALUE;
                int bestEpoch = 1;
                int sinceBest = 0;
                int epoch = 0;
                while (epoch < s.maxEpochs()) {
                    epoch++;
                    batches.epoch(trainer);
                    if (!validate) {
                        continue;
                    }
                    double loss = validationLoss(trainer, valX, valY);
                    // A gain below 1e-4 nats is noise: counting it would keep a separable problem running forever.
                    if (loss < bestLoss - 1e-4) {
                        bestLoss = loss;
                        best = MiniBatches.snapshot(linear);
                        bestEpoch = epoch;
                        sinceBest = 0;
                    } else if (++sinceBest >= s.patience()) {
                        break;
                    }
                }
                if (!validate) {
                    best = MiniBatches.snapshot(linear);
                    bestEpoch = epoch;
                }
                // Row 0 ("no") stays zero: softmax over (0, w·x + b) is the sigmoid of w·x + b.
                float[] weights = new float[2 * dims];
                System.arraycopy(best[0], 0, weights, dims, dims);
                return new Result(new LinearHead(labels, dims, weights, new float[] {0f, best[1][0]}), bestEpoch, epoch);
            }
        }
    }

    private static double validationLoss(Trainer trainer, NDArray valX, NDArray valY) {
        try (NDManager sub = trainer.getManager().newSubManager()) {
            NDArray x = valX.duplicate();
            x.attach(sub);
            NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
            return trainer.getLoss().evaluate(new NDList(valY), new NDList(logits)).getFloat();
        }
    }

    private static float[] toFloat(boolean[] labels) {
        float[] out = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = labels[i] ? 1f : 0f;
        }
        return out;
    }
}
