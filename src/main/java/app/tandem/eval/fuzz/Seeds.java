package app.tandem.eval.fuzz;

import app.tandem.work.BundledFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real files to mutate: the articles of the knowledge base that ships with Tandem (kb/) and the sample
 * transcripts (samples/transcripts), read from the build as the product reads them.
 */
final class Seeds {

    private static List<byte[]> articles;
    private static List<byte[]> transcripts;

    private Seeds() {}

    static synchronized List<byte[]> articles() {
        if (articles == null) {
            articles = read("kb", ".md");
        }
        return articles;
    }

    static synchronized List<byte[]> transcripts() {
        if (transcripts == null) {
            transcripts = read("samples/transcripts", ".txt");
        }
        return transcripts;
    }

    private static List<byte[]> read(String folder, String suffix) {
        List<byte[]> files = BundledFiles.read(folder, root -> {
            List<byte[]> found = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
                    found.add(Files.readAllBytes(p));
                }
            }
            return found;
        }).orElse(List.of());
        if (files.isEmpty()) {
            throw new IllegalStateException("This build has no " + folder + " to take fuzz seeds from.");
        }
        return List.copyOf(files);
    }
}
