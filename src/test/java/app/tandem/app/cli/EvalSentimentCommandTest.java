package app.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvalSentimentCommandTest {

    @Test
    void withoutModelsItReportsTheCuesAndSaysSo() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(new TandemCommand()).execute("eval", "sentiment", "--no-models", "--zh-reviews", "0");
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, printed);
        assertTrue(printed.contains("lexical cues only"), printed);
        assertTrue(printed.contains("cues_only all"), printed);
        assertTrue(printed.contains("macro-F1"), printed);
    }
}
