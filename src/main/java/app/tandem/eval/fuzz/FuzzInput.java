package app.tandem.eval.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one case hands its entry point, as bytes: one file (an article, a CSV file, a bundle), the files
 * of a folder, or the fields of a form (a conversation's title, message and summary). Bytes, not text,
 * so that invalid UTF-8 reaches the readers that decode files themselves.
 */
public record FuzzInput(List<Part> parts) {

    /** One file or field; {@code name} is the file's path inside a folder, or the field's name. */
    public record Part(String name, byte[] bytes) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public FuzzInput {
        parts = List.copyOf(parts);
    }

    public static FuzzInput file(String name, byte[] bytes) {
        return new FuzzInput(List.of(new Part(name, bytes)));
    }

    public static FuzzInput file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Fields of a form, in pairs: name, value, name, value… */
    public static FuzzInput fields(String... namesAndValues) {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            parts.add(new Part(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return new FuzzInput(parts);
    }

    public Part first() {
        return parts.get(0);
    }

    /** The field's text (invalid UTF-8 read as U+FFFD, as a text box would never hold it otherwise). */
    public Optional<String> field(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst().map(Part::text);
    }

    public List<String> fields(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).map(Part::text).toList();
    }

    public long size() {
        return parts.stream().mapToLong(p -> p.bytes().length).sum();
    }

    /**
     * Writes each part as a file under {@code folder}, numbered so that duplicate and odd names (a zip's
     * "../x.md", a folder's nested paths) all land inside it.
     */
    public void saveTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < parts.size(); i++) {
            String safe = parts.get(i).name().replaceAll("[^A-Za-z0-9._-]", "_");
            Files.write(folder.resolve(String.format("%03d-%s", i, safe.isEmpty() ? "part" : safe)), parts.get(i).bytes());
        }
    }
}
