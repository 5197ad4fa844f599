package app.tandem.app.cli;

import picocli.CommandLine.Command;

/** {@code tandem train <what>}: trains models on this machine and files them as versions in the data folder. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train models on this machine.",
        subcommands = {TrainIntentsCommand.class})
public final class TrainCommand {}
