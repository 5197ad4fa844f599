package app.tandem.app.cli;

import picocli.CommandLine.Command;

/** {@code tandem bench <what>}: speed benchmarks whose figures go into README. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed (prints figures for README).",
        subcommands = {BenchEncoderCommand.class, BenchRetrievalCommand.class, BenchSuggestCommand.class, BenchCrashCommand.class,
                BenchBackupCommand.class, BenchFuzzCommand.class, BenchOfficeCommand.class, BenchChannelCommand.class})
public final class BenchCommand {}
