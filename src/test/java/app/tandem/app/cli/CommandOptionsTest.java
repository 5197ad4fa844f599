package app.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.app.DesktopCheck;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options eval and train commands share through mixins keep their names and documented defaults. */
class CommandOptionsTest {

    private static <T> T parsed(Class<T> command, String... args) {
        CommandLine cli = new CommandLine(new TandemCommand());
        CommandLine.ParseResult result = cli.parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return command.cast(result.commandSpec().userObject());
    }

    @Test
    void sharedOptionsKeepTheirDefaults() {
        EvalRetrievalCommand retrieval = parsed(EvalRetrievalCommand.class, "eval", "retrieval");
        assertEquals(0.1, retrieval.heldOut.validation());
        assertEquals(77, retrieval.heldOut.seed());
        assertFalse(retrieval.models.keywordsOnly());
        EvalRepliesCommand replies = parsed(EvalRepliesCommand.class, "eval", "replies");
        assertEquals(0.1, replies.heldOut.validation());
        assertEquals(77, replies.heldOut.seed());
        for (IntentEncoderOptions encoder : new IntentEncoderOptions[] {
                parsed(EvalIntentsCommand.class, "eval", "intents").encoder, parsed(TrainIntentsCommand.class, "train", "intents").encoder}) {
            assertEquals("all-minilm-l6-v2", encoder.model());
            assertFalse(encoder.fineTune());
            assertEquals(2, encoder.epochs());
        }
    }

    @Test
    void sharedOptionsAreReadByEachCommand() {
        EvalRepliesCommand replies = parsed(EvalRepliesCommand.class, "eval", "replies", "--seed", "5", "--validation", "0.2",
                "--keywords-only");
        assertEquals(5, replies.heldOut.seed());
        assertEquals(0.2, replies.heldOut.validation());
        assertTrue(replies.models.keywordsOnly());
        TrainIntentsCommand train = parsed(TrainIntentsCommand.class, "train", "intents", "--model", "bge-small-en-v1.5",
                "--fine-tune", "--epochs", "5");
        assertEquals("bge-small-en-v1.5", train.encoder.model());
        assertTrue(train.encoder.fineTune());
        assertEquals(5, train.encoder.epochs());
    }

    @Test
    void noDesktopIsOnePlainSentenceAndExitCodeOne() throws Exception {
        DesktopCheck check = new DesktopCheck(new DesktopCheck.Machine("Linux", Map.of(), Optional.empty(), d -> false,
                Optional::empty));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TandemCommand()).setErr(new PrintWriter(err, true));
        int code = TandemCommand.printError(check.unavailable(DesktopCheck.Problem.NO_DISPLAY, null), cli, null);
        assertEquals(1, code);
        assertEquals(check.sentence(DesktopCheck.Problem.NO_DISPLAY) + System.lineSeparator(), err.toString());
    }
}
