package app.tandem.app.cli;

import picocli.CommandLine.Option;

/**
 * Which Banking77 questions are asked: a stratified share of each intent held out of train.csv, and the
 * seed that picks them (and any later sample), so two commands given the same pair ask the same questions.
 */
final class HeldOutSplitOptions {

    @Option(names = "--validation", defaultValue = "0.1", description = "Share of each intent held out (default 0.1)")
    private double validation;

    @Option(names = "--seed", defaultValue = "77", description = "Seed of splits and samples (default 77)")
    private long seed;

    double validation() {
        return validation;
    }

    long seed() {
        return seed;
    }
}
