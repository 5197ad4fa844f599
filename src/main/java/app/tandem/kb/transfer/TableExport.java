package app.tandem.kb.transfer;

import app.tandem.kb.Article;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Articles as the CSV and JSON that {@code kb export} writes and {@code kb import} reads back
 * (docs/kb-import-export.md): one place for the columns and fields, so the export and anything made to look
 * like one (the fuzz run's seed files) cannot drift apart.
 */
public final class TableExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TableExport() {}

    /** One row per article: question (the title), answer (the body), tags, id, language. */
    public static void csv(List<Article> articles, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("question", "answer", "tags", "id", "language").build())) {
            for (Article a : articles) {
                csv.printRecord(a.title(), a.body(), String.join("; ", a.tags()), a.id(), a.language());
            }
        }
    }

    /** A JSON array with one object per article. */
    public static byte[] json(List<Article> articles) throws IOException {
        ArrayNode list = JSON.createArrayNode();
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
        return JSON.writeValueAsBytes(list);
    }
}
