package app.tandem.ml.train;

/**
 * One point of a training curve.
 *
 * @param epoch              1-based epoch (fine-tuning: fractional epochs are rounded into steps)
 * @param step               optimizer steps so far
 * @param trainLoss          mean cross-entropy over the epoch's batches
 * @param validationLoss     mean cross-entropy on the validation split, NaN when there is none
 * @param validationAccuracy accuracy on the validation split, NaN when there is none
 */
public record EpochStats(int epoch, long step, double trainLoss, double validationLoss, double validationAccuracy) {}
