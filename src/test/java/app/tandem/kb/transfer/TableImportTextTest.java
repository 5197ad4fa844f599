package app.tandem.kb.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.kb.ArticleProblem;
import app.tandem.kb.ArticleProblem.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV and JSON are read as they are parsed (issue 16), so the checks that used to run on the whole text now run on
 * the stream: binary content, text that is not UTF-8, a byte-order mark; and JSON lists are bounded as they are read.
 */
class TableImportTextTest {

    @TempDir
    Path tmp;

    @Test
    void binaryAndNonUtf8FilesAreRefusedAsBeforeAndAByteOrderMarkIsSkipped() throws IOException {
        for (String name : List.of("faq.csv", "faq.json")) {
            String good = name.endsWith(".csv") ? "question,answer\nHours?,9 to 5.\n" : "[{\"title\":\"Hours?\",\"body\":\"9 to 5.\"}]";
            Path file = tmp.resolve(name);
            Files.write(file, ("\uFEFF" + good).getBytes(StandardCharsets.UTF_8));
            ImportSource read = ImportFiles.read(file, Instant.EPOCH, "sue");
            assertEquals(List.of(), read.problems(), name);
            assertEquals("Hours?", read.articles().get(0).article().title());

            Files.write(file, (good + good.substring(0, 10) + "\0").getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of(new ImportProblem(name, Kind.BINARY_TEXT)), ImportFiles.read(file, Instant.EPOCH, "sue").problems());

            byte[] latin1 = good.replace("Hours", "Heures d'ouverture \u00e9t\u00e9").getBytes(StandardCharsets.ISO_8859_1);
            Files.write(file, latin1);
            assertEquals(List.of(new ImportProblem(name, Kind.NOT_UTF8)), ImportFiles.read(file, Instant.EPOCH, "sue").problems());
        }
    }

    @Test
    void aJsonListOneEntryOverTheLimitIsRefusedWithoutBeingKept() throws IOException {
        Path json = tmp.resolve("faq.json");
        Files.writeString(json, "[{\"title\":\"Hours\",\"body\":\"9 to 5.\",\"tags\":[" + "\"t\",".repeat(JsonArticles.MAX_LIST_ENTRIES)
                + "\"t\"]}]");
        ImportProblem over = ImportFiles.read(json, Instant.EPOCH, "sue").problems().get(0);
        assertEquals(ArticleProblem.of(Kind.LIST_TOO_LONG, "tags", 500), over.problem());
        assertEquals("faq.json article 1: \"tags\" lists more than 500 entries, the most an article may have",
                over.where() + ": " + over.reason());

        Files.writeString(json, "[{\"title\":\"Hours\",\"body\":\"9 to 5.\",\"tags\":[" + "\"t\",".repeat(JsonArticles.MAX_LIST_ENTRIES - 1)
                + "\"t\"]}]");
        assertEquals(Kind.FRONT_MATTER_TOO_LONG, ImportFiles.read(json, Instant.EPOCH, "sue").problems().get(0).problem().kind(),
                "500 tags are read, and are then more than an article file's front matter holds");
    }

    @Test
    void jsonFieldsReadAsTheTreeReadThem() throws IOException {
        Path json = Files.writeString(tmp.resolve("faq.json"), "{\"exported\": {\"by\": [1, 2]}, \"articles\": ["
                + "{\"title\": \"Hours\", \"body\": \"9 to 5.\", \"tags\": [\"branch\", 7], \"extra\": {\"a\": [1]}, \"status\": null},"
                + "\"not an article\","
                + "{\"title\": \"Fees\", \"body\": \"None.\", \"intents\": {\"a\": 1}}]}");
        ImportSource read = ImportFiles.read(json, Instant.EPOCH, "sue");
        assertEquals(List.of("branch", "7"), read.articles().get(0).article().tags());
        assertEquals(List.of(new ImportProblem("faq.json", ImportProblem.Part.ARTICLE, 2, ArticleProblem.of(Kind.MISSING_TITLE)),
                new ImportProblem("faq.json", ImportProblem.Part.ARTICLE, 3, ArticleProblem.of(Kind.NOT_A_STRING_LIST, "intents"))),
                read.problems());
    }
}
