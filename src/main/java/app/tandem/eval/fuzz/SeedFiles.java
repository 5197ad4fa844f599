package app.tandem.eval.fuzz;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.transfer.KbBundle;
import app.tandem.kb.transfer.TableExport;
import app.tandem.work.Progress;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Real import files to mutate, in each format, made from the shipped articles as Tandem's export writes them
 * ({@link TableExport} for CSV and JSON, {@link KbBundle#write} for bundles). A handful of articles each, not the
 * whole knowledge base: importing all of it is a case of seconds, and the same bytes in every run, so that a
 * case is remade from its seed and number alone.
 */
final class SeedFiles {

    /** Articles per seed file. */
    private static final int PER_FILE = 6;

    private SeedFiles() {}

    static List<byte[]> of(ImportTarget.Format format) {
        if (format == ImportTarget.Format.MARKDOWN || format == ImportTarget.Format.FOLDER) {
            return Seeds.articles();
        }
        List<Article> articles = Seeds.articles().stream()
                .map(b -> ArticleFile.parse(new String(b, StandardCharsets.UTF_8), ArticleStatus.PUBLISHED, Instant.EPOCH, "seed"))
                .sorted(Comparator.comparing(Article::id)).toList();
        List<byte[]> files = new ArrayList<>();
        try {
            for (int i = 0; i < articles.size(); i += PER_FILE) {
                List<Article> some = articles.subList(i, Math.min(articles.size(), i + PER_FILE));
                files.add(switch (format) {
                    case CSV -> csv(some);
                    case JSON -> json(some);
                    default -> bundle(some);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the fuzz seed files", e);
        }
        return List.copyOf(files);
    }

    private static byte[] csv(List<Article> articles) throws IOException {
        StringWriter w = new StringWriter();
        TableExport.csv(articles, w);
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(List<Article> articles) throws IOException {
        return TableExport.json(articles);
    }

    private static byte[] bundle(List<Article> articles) throws IOException {
        Path folder = Files.createTempDirectory("tandem-fuzz-seed-");
        try {
            Path out = folder.resolve("seed.zip");
            KbBundle.write(out, articles.stream().map(a -> new KbBundle.Item(a, List.of())).toList(), Instant.EPOCH, "fuzz", Progress.NONE);
            return Files.readAllBytes(out);
        } finally {
            ScratchDesk.delete(folder);
        }
    }
}
