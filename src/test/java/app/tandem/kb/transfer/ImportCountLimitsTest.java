package app.tandem.kb.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.Slow;
import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleProblem.Kind;
import app.tandem.kb.ImportLimits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders, CSV and JSON files are held to {@link ImportLimits}: one article file, row or byte past them refuses the
 * whole file, and at the limit they are read (the rows here are blank, so each is a quick problem of its own).
 */
@Slow
class ImportCountLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void aFolderOfOneArticleFileTooManyIsRefusedBeforeAnyIsRead() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("incoming"));
        for (int i = 0; i <= ImportLimits.MAX_ARTICLES; i++) {
            Files.createFile(dir.resolve("a-" + i + ".md"));
        }
        ImportSource over = ImportFiles.read(dir, Instant.EPOCH, "sue");
        assertEquals(List.of(new ImportProblem("incoming", Kind.FOLDER_TOO_MANY_FILES, ImportLimits.MAX_ARTICLES)), over.problems());
        assertEquals("the folder holds more than 20000 .md files, the most one import may hold", over.problems().get(0).reason());

        Files.delete(dir.resolve("a-0.md"));
        Files.writeString(dir.resolve("notes.txt"), "not an article, not counted");
        assertEquals(List.of(Kind.NO_FRONT_MATTER), kinds(ImportFiles.read(dir, Instant.EPOCH, "sue")));
    }

    @Test
    void aFolderOneByteOverTheSizeIsRefusedByItsFileSizesAlone() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("incoming"));
        long left = ImportLimits.MAX_TOTAL_BYTES;
        for (int i = 0; left > 0; i++, left -= ArticleFile.MAX_BYTES) {
            sparse(dir.resolve("part-" + i + ".md"), Math.min(left, ArticleFile.MAX_BYTES));
        }
        assertEquals(List.of(Kind.BINARY_MARKDOWN), kinds(ImportFiles.read(dir, Instant.EPOCH, "sue")),
                "at the limit every file is read (and is zeros)");

        sparse(dir.resolve("one-more.md"), 1);
        ImportSource over = ImportFiles.read(dir, Instant.EPOCH, "sue");
        assertEquals(List.of(new ImportProblem("incoming", Kind.FOLDER_TOO_LARGE, 64)), over.problems(),
                "refused on sizes: no file was read, or each would be a binary-content problem");
    }

    @Test
    void aCsvFileOfOneRowTooManyIsRefusedWhole() throws IOException {
        Path csv = tmp.resolve("faq.csv");
        Files.writeString(csv, "question,answer\n" + ",x\n".repeat(ImportLimits.MAX_ARTICLES + 1));
        ImportSource over = ImportFiles.read(csv, Instant.EPOCH, "sue");
        assertEquals(List.of(new ImportProblem("faq.csv", Kind.TOO_MANY_ARTICLES, ImportLimits.MAX_ARTICLES)), over.problems());
        assertEquals("more than 20000 articles in one file, the most one import may hold; split it into several files",
                over.problems().get(0).reason());

        Files.writeString(csv, "question,answer\n" + ",x\n".repeat(ImportLimits.MAX_ARTICLES));
        ImportSource atTheLimit = ImportFiles.read(csv, Instant.EPOCH, "sue");
        assertEquals(List.of(Kind.MISSING_TITLE), kinds(atTheLimit));
        assertEquals(ImportLimits.MAX_ARTICLES, atTheLimit.problems().size());
    }

    @Test
    void aJsonFileOfOneArticleTooManyIsRefusedWhole() throws IOException {
        Path json = tmp.resolve("faq.json");
        Files.writeString(json, "{\"articles\": [" + "{},".repeat(ImportLimits.MAX_ARTICLES) + "{}]}");
        ImportSource over = ImportFiles.read(json, Instant.EPOCH, "sue");
        assertEquals(List.of(new ImportProblem("faq.json", Kind.TOO_MANY_ARTICLES, ImportLimits.MAX_ARTICLES)), over.problems());

        Files.writeString(json, "[" + "{},".repeat(ImportLimits.MAX_ARTICLES - 1) + "{}]");
        ImportSource atTheLimit = ImportFiles.read(json, Instant.EPOCH, "sue");
        assertEquals(List.of(Kind.MISSING_TITLE), kinds(atTheLimit));
        assertEquals(ImportLimits.MAX_ARTICLES, atTheLimit.problems().size());
    }

    /** A file of {@code size} zero bytes that takes no disk: the folder's limit is on sizes, so only they matter. */
    private static void sparse(Path file, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    private static List<Kind> kinds(ImportSource source) {
        return source.problems().stream().map(p -> p.problem().kind()).distinct().toList();
    }
}
