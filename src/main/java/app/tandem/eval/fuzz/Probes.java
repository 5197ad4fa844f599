package app.tandem.eval.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Issue 16's probes: the inputs that once broke Tandem or would, named, the same in every run. */
final class Probes {

    /** 20 KB of nested block quotes. */
    static final String NESTED_QUOTES = ">".repeat(20_000) + " quoted";
    /** 5,000 nested list markers. */
    static final String NESTED_LISTS = "- ".repeat(5_000) + "item";
    /** 20,000 nested emphasis markers. */
    static final String NESTED_EMPHASIS = "*".repeat(20_000) + "text";
    /** About 320 different Chinese characters in one turn: more terms than a query may have clauses. */
    static final String CJK_320 = Noise.distinctCjk(320);

    private static byte[] bomb;

    private Probes() {}

    static String article(String id, String body) {
        return "---\nid: " + id + "\ntitle: Probe\nlanguage: en\n---\n" + body + "\n";
    }

    /**
     * A 0.8 MB bundle of 700 articles of 1,000,000 bytes each (each just within the size an article may have):
     * 700 MB when unpacked, more than the 512 MB heap. Made once; deflating 700 MB takes seconds.
     */
    static synchronized byte[] bomb() {
        if (bomb == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(Deflater.BEST_COMPRESSION);
                byte[] head = article("bomb-en", "").getBytes(StandardCharsets.UTF_8);
                byte[] entry = new byte[1_000_000];
                Arrays.fill(entry, (byte) 'a');
                System.arraycopy(head, 0, entry, 0, head.length);
                for (int i = 0; i < 700; i++) {
                    zip.putNextEntry(new ZipEntry("articles/en/bomb-" + i + ".md"));
                    zip.write(entry);
                    zip.closeEntry();
                }
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write("{\"format\": \"tandem-kb-bundle\", \"formatVersion\": 1, \"articles\": []}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bomb = out.toByteArray();
        }
        return bomb;
    }
}
