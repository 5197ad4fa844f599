package app.tandem.app.cli;

import picocli.CommandLine.Option;

/** The encoder an intent model is built on, and whether (and how long) it is fine-tuned with the head. */
final class IntentEncoderOptions {

    @Option(names = "--model", defaultValue = "all-minilm-l6-v2", description = "Encoder (catalog id; default all-minilm-l6-v2)")
    private String model;

    @Option(names = "--fine-tune", description = "Also fine-tune the encoder (slow on CPU: minutes)")
    private boolean fineTune;

    @Option(names = "--epochs", defaultValue = "2", description = "Fine-tuning epochs (default 2)")
    private int epochs;

    String model() {
        return model;
    }

    boolean fineTune() {
        return fineTune;
    }

    int epochs() {
        return epochs;
    }
}
