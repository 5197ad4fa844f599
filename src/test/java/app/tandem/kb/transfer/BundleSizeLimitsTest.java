package app.tandem.kb.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.tandem.Slow;
import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleProblem.Kind;
import app.tandem.kb.ImportLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle's count and size limits, crossed by one and met exactly: 20,000 files, 64 MB unpacked (seconds each). */
@Slow
class BundleSizeLimitsTest {

    @TempDir
    Path tmp;

    @Test
    void oneFileMoreThanTheLimitIsRefusedBeforeAnyIsParsed() throws IOException {
        ImportSource over = KbBundle.read(tinyFiles(ImportLimits.MAX_ARTICLES + 2), Instant.EPOCH, "sue");
        assertEquals(new ImportProblem("kb.zip", Kind.TOO_MANY_FILES, ImportLimits.MAX_ARTICLES), only(over));
        assertEquals("more than 20000 files in the bundle", only(over).reason());

        ImportSource atTheLimit = KbBundle.read(tinyFiles(ImportLimits.MAX_ARTICLES + 1), Instant.EPOCH, "sue");
        assertEquals(List.of(Kind.NO_MANIFEST), kinds(atTheLimit), "20,000 articles and a manifest's place are allowed");
    }

    @Test
    void oneByteMoreThanTheBundleMayUnpackToIsRefused() throws IOException {
        ImportProblem over = only(KbBundle.read(incompressible("over.zip", ImportLimits.MAX_TOTAL_BYTES + 1), Instant.EPOCH, "sue"));
        assertEquals(new ImportProblem("over.zip", Kind.BUNDLE_TOO_LARGE, 64), over);
        assertEquals("the bundle unpacks to more than 64 MB, the most one import may hold", over.reason());

        ImportSource atTheLimit = KbBundle.read(incompressible("full.zip", ImportLimits.MAX_TOTAL_BYTES), Instant.EPOCH, "sue");
        assertEquals(List.of(Kind.NO_MANIFEST), kinds(atTheLimit));
    }

    private Path tinyFiles(int count) throws IOException {
        Path bundle = tmp.resolve("kb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            for (int i = 0; i < count; i++) {
                put(zip, "articles/en/a-" + i + ".md", new byte[0]);
            }
        }
        return bundle;
    }

    /** Files of random letters, stored without packing, that unpack to exactly {@code total} bytes. */
    private Path incompressible(String name, long total) throws IOException {
        Path bundle = tmp.resolve(name);
        Random random = new Random(16);
        byte[] letters = new byte[ArticleFile.MAX_BYTES];
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(bundle))) {
            zip.setLevel(Deflater.NO_COMPRESSION);
            for (long left = total, i = 0; left > 0; left -= letters.length, i++) {
                for (int j = 0; j < letters.length; j++) {
                    letters[j] = (byte) ('a' + random.nextInt(26));
                }
                zip.putNextEntry(new ZipEntry("articles/en/part-" + i + ".md"));
                zip.write(letters, 0, (int) Math.min(left, letters.length));
                zip.closeEntry();
            }
        }
        return bundle;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static ImportProblem only(ImportSource source) {
        assertEquals(1, source.problems().size(), source.problems().toString());
        assertEquals(List.of(), source.articles());
        return source.problems().get(0);
    }

    private static List<Kind> kinds(ImportSource source) {
        return source.problems().stream().map(p -> p.problem().kind()).distinct().toList();
    }
}
