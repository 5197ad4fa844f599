package app.tandem.app.cli;

import picocli.CommandLine.Command;

/** {@code tandem eval <what>}: quality measurements whose figures go into README. */
@Command(name = "eval", mixinStandardHelpOptions = true, description = "Measure quality (prints figures for README).",
        subcommands = {EvalRetrievalCommand.class, EvalIntentsCommand.class, EvalSentimentCommand.class,
                EvalRepliesCommand.class, EvalTopicShiftCommand.class, EvalOcrCommand.class})
public final class EvalCommand {}
