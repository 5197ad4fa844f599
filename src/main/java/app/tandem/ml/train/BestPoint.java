package app.tandem.ml.train;

import app.tandem.ml.bert.BertEncoderBlock;
import app.tandem.ml.bert.TrainedWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The best validation point of a run so far: its head and probabilities in memory, its encoder weights
 * saved (in {@link TrainedWeights} format) to the caller's folder, so that a crash later keeps them.
 */
final class BestPoint {

    private final EncoderClassifierBlock block;
    private final BertEncoderBlock encoder;
    private final Map<String, String> report;
    private final Path saveTo;
    private float[][] head;
    private double accuracy = Double.NEGATIVE_INFINITY;
    private float[][] validationProbabilities = new float[0][];
    private float[][] extraProbabilities = new float[0][];
    private String which = "none";

    /** Starts from the block's current head; {@code report} is saved with the encoder weights. */
    BestPoint(EncoderClassifierBlock block, BertEncoderBlock encoder, Map<String, String> report, Path saveTo) {
        this.block = block;
        this.encoder = encoder;
        this.report = report;
        this.saveTo = saveTo;
        this.head = MiniBatches.snapshot(block.head());
    }

    /**
     * Keeps the block's current weights when they beat the best so far (or always, without validation data);
     * {@code what} names them in the result ("raw weights", "averaged weights").
     */
    void offer(ValidationScorer.Scores scores, boolean always, String what) {
        if (always || scores.accuracy() > accuracy) {
            accuracy = scores.accuracy();
            head = MiniBatches.snapshot(block.head());
            validationProbabilities = scores.probabilities();
            extraProbabilities = scores.extraProbabilities();
            which = what;
            try {
                TrainedWeights.save(encoder, report, saveTo);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save fine-tuned weights to " + saveTo, e);
            }
        }
    }

    float[][] head() {
        return head;
    }

    double accuracy() {
        return accuracy;
    }

    float[][] validationProbabilities() {
        return validationProbabilities;
    }

    float[][] extraProbabilities() {
        return extraProbabilities;
    }

    String which() {
        return which;
    }
}
