package app.tandem.kb;

import app.tandem.work.BundledFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a folder of article files ({@code kb/} format). A bad file is skipped with its name and
 * reason in the report; the rest load.
 */
public final class KbFolder {

    private static final Logger log = LoggerFactory.getLogger(KbFolder.class);

    /** One file that could not be read, and why. */
    public record Problem(String file, ArticleProblem problem) {

        /** In English, for logs and the start report. */
        public String reason() {
            return problem.english();
        }
    }

    /** What a folder held: the articles that parsed and the files that did not. */
    public record Contents(List<Article> articles, List<Problem> problems) {}

    private KbFolder() {}

    /**
     * Reads every {@code .md} file under {@code root}. A folder past {@link ImportLimits} (too many article files, or
     * too many bytes in all) is refused whole before any file is opened: the walk is lazy and stops at the first file
     * over the count, and sizes are the file system's, so picking a home folder by mistake costs seconds, not the heap.
     */
    public static Contents read(Path root, ArticleStatus status, Instant now, String author) {
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            Iterator<Path> found = walk.filter(p -> p.getFileName().toString().endsWith(".md")).filter(Files::isRegularFile)
                    .iterator();
            while (found.hasNext()) {
                Path file = found.next();
                if (files.size() == ImportLimits.MAX_ARTICLES) {
                    return refused(root, ArticleProblem.Kind.FOLDER_TOO_MANY_FILES, ImportLimits.MAX_ARTICLES);
                }
                bytes += Files.size(file);
                if (bytes > ImportLimits.MAX_TOTAL_BYTES) {
                    return refused(root, ArticleProblem.Kind.FOLDER_TOO_LARGE, ImportLimits.MAX_TOTAL_BYTES >> 20);
                }
                files.add(file);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("Cannot read the folder " + root,
                    e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
        }
        files.sort(null);
        List<Article> articles = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            String name = root.relativize(file).toString();
            try {
                Article article = ArticleFile.parse(readText(file), status, now, author);
                if (!ids.add(article.id())) {
                    throw new ArticleFormatException(ArticleProblem.Kind.DUPLICATE_ID, article.id());
                }
                articles.add(article);
            } catch (ArticleFormatException e) {
                log.warn("Skipped knowledge-base file {}: {}", name, e.getMessage());
                problems.add(new Problem(name, e.problem()));
            } catch (IOException e) {
                log.warn("Skipped knowledge-base file {}: {}", name, e.getMessage());
                problems.add(new Problem(name, ArticleProblem.of(ArticleProblem.Kind.CANNOT_READ, e.getMessage())));
            }
        }
        return new Contents(articles, problems);
    }

    private static Contents refused(Path root, ArticleProblem.Kind kind, Object limit) {
        String name = root.getFileName() == null ? root.toString() : root.getFileName().toString();
        log.warn("Refused the knowledge-base folder {}: {}", root, ArticleProblem.of(kind, limit).english());
        return new Contents(List.of(), List.of(new Problem(name, ArticleProblem.of(kind, limit))));
    }

    /** The starter knowledge base that ships inside the application (the repository's {@code kb/}). */
    public static Contents readBundled(Instant now) {
        return BundledFiles.read("kb", folder -> read(folder, ArticleStatus.PUBLISHED, now, "seed"))
                .orElse(new Contents(List.of(), List.of(new Problem("kb/", ArticleProblem.of(ArticleProblem.Kind.NO_BUNDLED_KB)))));
    }

    private static String readText(Path file) throws IOException {
        long size = Files.size(file);
        if (size > ArticleFile.MAX_BYTES) {
            throw new ArticleFormatException(ArticleProblem.Kind.TOO_LARGE, size / 1024, ArticleFile.MAX_BYTES / 1024);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new ArticleFormatException(ArticleProblem.Kind.NOT_UTF8);
        }
    }
}
