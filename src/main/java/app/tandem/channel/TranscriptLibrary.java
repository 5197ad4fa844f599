package app.tandem.channel;

import app.tandem.work.BundledFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sample transcripts that ship with Tandem, and transcript files the agent opens. */
public final class TranscriptLibrary {

    private static final Logger log = LoggerFactory.getLogger(TranscriptLibrary.class);

    private TranscriptLibrary() {}

    public static List<Transcript> bundled() {
        return BundledFiles.read("samples/transcripts", TranscriptLibrary::readFolder).orElse(List.of());
    }

    public static Transcript readFile(Path file) {
        try {
            if (Files.size(file) > 1_000_000) {
                throw new TranscriptFormatException(TranscriptFormatException.Problem.TOO_LARGE, file.getFileName().toString(), "1");
            }
            return TranscriptFormat.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            // Files.readString reports bytes that are not UTF-8 this way: the file is refused, not unreadable.
            throw new TranscriptFormatException(TranscriptFormatException.Problem.NOT_TEXT, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static List<Transcript> readFolder(Path folder) throws IOException {
        List<Transcript> transcripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                try {
                    transcripts.add(TranscriptFormat.parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException e) {
                    log.warn("Skipped sample transcript: {}", e.getMessage());
                }
            }
        }
        return transcripts;
    }
}
