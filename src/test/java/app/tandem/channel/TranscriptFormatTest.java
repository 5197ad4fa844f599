package app.tandem.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Author;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptFormatTest {

    @Test
    void readsHeadersTurnsAndDelays() {
        Transcript t = TranscriptFormat.parse("t.txt", """
                # Tandem transcript v1
                # title: Lost card
                # customer: C1001
                # language: en

                customer: I lost my card
                agent: I have frozen it.
                customer (+2.5s): Thanks
                """);
        assertEquals("Lost card", t.title());
        assertEquals(Optional.of("C1001"), t.customerId());
        assertEquals(3, t.turns().size());
        assertEquals(Author.AGENT, t.turns().get(1).author());
        assertEquals(Duration.ofMillis(2500), t.turns().get(2).delay());
        assertEquals(Duration.ofMillis(1000 + 50 * "I lost my card".length()), t.turns().get(0).delay());
        assertEquals(2, t.customerTurns().size());
    }

    @Test
    void typingDelayIsCapped() {
        assertEquals(Duration.ofSeconds(8), TranscriptFormat.typingDelay("x".repeat(5000)));
    }

    @Test
    void badLineNamesItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TranscriptFormat.parse("bad.txt", "customer: hi\nsupervisor: what\n"));
        assertTrue(e.getMessage().startsWith("bad.txt line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TranscriptFormat.parse("a.txt", "agent: only me\n"));
    }

    @Test
    void aCustomerTurnTheConversationWouldRefuseIsRefusedWithItsLine() {
        TranscriptFormatException e = assertThrows(TranscriptFormatException.class,
                () -> TranscriptFormat.parse("long.txt", "customer: hi\ncustomer: " + "a".repeat(10_001) + "\n"));
        assertEquals(TranscriptFormatException.Problem.TURN_TOO_LONG, e.problem());
        assertEquals("long.txt line 2: the turn has 10001 characters; the limit is 10000", e.getMessage());
    }

    @Test
    void aDelayOfMoreThanAnHourIsRefused() {
        TranscriptFormat.parse("hour.txt", "customer (+3600s): hi\n");
        TranscriptFormatException e = assertThrows(TranscriptFormatException.class,
                () -> TranscriptFormat.parse("years.txt", "customer (+100000000000000000000s): hi\n"));
        assertEquals("years.txt line 1: the delay is longer than 3600 seconds", e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedAsNotText(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("latin1.txt");
        Files.write(file, "customer: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        TranscriptFormatException e = assertThrows(TranscriptFormatException.class, () -> TranscriptLibrary.readFile(file));
        assertEquals(TranscriptFormatException.Problem.NOT_TEXT, e.problem());
    }

    @Test
    void bundledSamplesAllParseAndIncludeChinese() {
        var samples = TranscriptLibrary.bundled();
        assertTrue(samples.size() >= 4, "samples: " + samples.size());
        assertTrue(samples.stream().anyMatch(s -> s.language().equals("zh")));
    }
}
