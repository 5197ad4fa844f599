package app.tandem.eval.fuzz;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.transfer.KbBundle;
import app.tandem.work.Progress;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Real import files to mutate, in each format, made from the shipped articles as Tandem's export writes them
 * (the same columns and fields; bundles by {@link KbBundle#write} itself). A handful of articles each, not the
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
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("question", "answer", "tags", "id", "language").build())) {
            for (Article a : articles) {
                csv.printRecord(a.title(), a.body(), String.join("; ", a.tags()), a.id(), a.language());
            }
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(List<Article> articles) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode list = json.createArrayNode();
        for (Article a : articles) {
            ObjectNode n = list.addObject();
            n.put("id", a.id());
            n.put("title", a.title());
            n.put("language", a.language());
            n.put("status", a.status().name());
            a.tags().forEach(n.withArray("tags")::add);
            a.intents().forEach(n.withArray("intents")::add);
            a.translationOf().ifPresent(t -> n.put("translationOf", t));
            n.put("body", a.body());
            n.put("version", a.version());
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(list);
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
