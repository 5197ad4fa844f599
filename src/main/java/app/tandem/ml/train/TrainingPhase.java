package app.tandem.ml.train;

import java.util.Locale;

/**
 * Which part of a training run is under way, as data: the UI says it in the person's language,
 * {@link #english()} says it for the command line and logs.
 *
 * @param count   ENCODING: sentences; FINE_TUNING: the epoch (1-based); otherwise 0
 * @param of      FINE_TUNING: the number of epochs; otherwise 0
 * @param version SCORING_CURRENT: the current model's version; otherwise ""
 */
public record TrainingPhase(Kind kind, long count, long of, String version) {

    /** The phases of an intent training run, in the order they come. */
    public enum Kind { ENCODING, TRAINING_HEAD, FINE_TUNING, SCORING_CURRENT }

    public static TrainingPhase encoding(long sentences) {
        return new TrainingPhase(Kind.ENCODING, sentences, 0, "");
    }

    public static TrainingPhase trainingHead() {
        return new TrainingPhase(Kind.TRAINING_HEAD, 0, 0, "");
    }

    public static TrainingPhase fineTuning(long epoch, long epochs) {
        return new TrainingPhase(Kind.FINE_TUNING, epoch, epochs, "");
    }

    public static TrainingPhase scoringCurrent(String version) {
        return new TrainingPhase(Kind.SCORING_CURRENT, 0, 0, version);
    }

    public String english() {
        return switch (kind) {
            case ENCODING -> String.format(Locale.ROOT, "Encoding %d sentences", count);
            case TRAINING_HEAD -> "Training the intent head";
            case FINE_TUNING -> String.format(Locale.ROOT, "Fine-tuning (epoch %d of %d)", count, of);
            case SCORING_CURRENT -> "Scoring the current model " + version;
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
