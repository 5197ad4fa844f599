package app.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchEncoderCommandTest {

    @Test
    void optionsParseAndHelpDescribesTheCommand() {
        CommandLine cli = new CommandLine(new BenchEncoderCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)));
        CommandLine.ParseResult parsed = cli.parseArgs("--model", "all-minilm-l6-v2,bge-small-zh-v1.5",
                "--threads", "1", "--singles", "10");
        assertEquals(2, parsed.matchedOption("--model").<java.util.List<String>>getValue().size());
        assertEquals("encoder", cli.getCommandName());
        assertTrue(cli.getUsageMessage().contains("ONNX Runtime"));
    }
}
