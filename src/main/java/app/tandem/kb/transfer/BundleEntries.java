package app.tandem.kb.transfer;

import app.tandem.kb.ArticleFormatException;
import app.tandem.kb.ArticleProblem.Kind;
import app.tandem.kb.ImportLimits;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The files of a bundle, unpacked within {@link ImportLimits}: how many there are, how many bytes they unpack to
 * in all, and how far each file and the whole bundle unpack beyond their packed size. Everything is counted on the
 * bytes actually inflated and read from the disk, never on the sizes a zip's headers claim, because headers may
 * say anything. The first of these limits crossed stops the reading ({@link Refused}); a bomb is refused after a
 * few hundred KB of inflating instead of filling the heap.
 */
final class BundleEntries implements Closeable {

    /**
     * Ratios are judged only past this many unpacked bytes: a short file of one repeated line packs tighter than any
     * bomb, and costs nothing; one of a bomb's 1 MB files crosses it long before it is read.
     */
    private static final long FILE_RATIO_GRACE = 64 * 1024;
    /** The same for the whole bundle, whose many small files each carry headers that keep its ratio low anyway. */
    private static final long BUNDLE_RATIO_GRACE = 1024 * 1024;
    private static final int CHUNK = 16 * 1024;
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final Pattern SEPARATOR = Pattern.compile("[/\\\\]");

    /** A limit crossed: the whole bundle is refused with this one problem, and reading stops. */
    static final class Refused extends Exception {

        private final transient ImportProblem problem;

        Refused(ImportProblem problem) {
            super(problem.where() + ": " + problem.reason(), null, false, false);
            this.problem = problem;
        }

        ImportProblem problem() {
            return problem;
        }
    }

    private final String bundle;
    private final PackedBytes packed;
    private final ZipInputStream zip;
    private final Set<String> names = new HashSet<>();
    private ZipEntry current;
    private int entries;
    private long unpacked;

    BundleEntries(Path zipFile) throws IOException {
        this.bundle = zipFile.getFileName().toString();
        this.packed = new PackedBytes(new BufferedInputStream(Files.newInputStream(zipFile)));
        this.zip = new ZipInputStream(packed);
    }

    /** The next file or folder entry, or empty at the end of the bundle. */
    Optional<ZipEntry> next() throws IOException, Refused {
        try {
            current = zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            // ZipInputStream's answer to an entry name that is not UTF-8 (the fuzz run, import-bundle 181).
            throw new ZipException("an entry's name is not UTF-8 text");
        }
        if (current == null) {
            return Optional.empty();
        }
        // The manifest is one more file than the articles it lists.
        if (++entries > ImportLimits.MAX_ARTICLES + 1) {
            throw refused(bundle, Kind.TOO_MANY_FILES, ImportLimits.MAX_ARTICLES);
        }
        return Optional.of(current);
    }

    /**
     * Why the current entry's name cannot be taken, if it cannot: an absolute path or a ".." could point outside
     * the place it is unpacked to, and a second file of the same name would let one hide behind the other.
     */
    Optional<Kind> badName() {
        String name = current.getName();
        if (name.startsWith("/") || name.startsWith("\\") || DRIVE.matcher(name).matches()
                || SEPARATOR.splitAsStream(name).anyMatch(".."::equals)) {
            return Optional.of(Kind.UNSAFE_ENTRY_NAME);
        }
        return names.add(name) ? Optional.empty() : Optional.of(Kind.DUPLICATE_ENTRY);
    }

    /**
     * Unpacks the current entry. Over {@code maxBytes} it is {@link Kind#TOO_LARGE} for this file only: the rest of
     * it is still inflated here, in chunks and counted, so that the bundle's limits hold for what is skipped too.
     */
    byte[] read(long maxBytes) throws IOException, Refused {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        long packedAtStart = packed.count;
        long size = 0;
        int n;
        while ((n = zip.read(chunk)) > 0) {
            size += n;
            unpacked += n;
            if (size <= maxBytes) {
                kept.write(chunk, 0, n);
            }
            if (unpacked > ImportLimits.MAX_TOTAL_BYTES) {
                throw refused(bundle, Kind.BUNDLE_TOO_LARGE, ImportLimits.MAX_TOTAL_BYTES >> 20);
            }
            if (size > FILE_RATIO_GRACE + ImportLimits.MAX_PACKING_RATIO * (packed.count - packedAtStart)) {
                throw refused(current.getName(), Kind.PACKED_TOO_TIGHTLY, ImportLimits.MAX_PACKING_RATIO);
            }
            if (unpacked > BUNDLE_RATIO_GRACE + ImportLimits.MAX_PACKING_RATIO * packed.count) {
                throw refused(bundle, Kind.PACKED_TOO_TIGHTLY, ImportLimits.MAX_PACKING_RATIO);
            }
        }
        if (size > maxBytes) {
            throw new ArticleFormatException(Kind.TOO_LARGE, (size + 1023) / 1024, maxBytes / 1024);
        }
        return kept.toByteArray();
    }

    /** Unpacks and counts the current entry without keeping it. */
    void skip() throws IOException, Refused {
        try {
            read(0);
        } catch (ArticleFormatException tooLarge) {
            // nothing was to be kept
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private static Refused refused(String file, Kind kind, Object... args) {
        return new Refused(new ImportProblem(file, kind, args));
    }

    /** Counts the packed bytes the zip reader takes from the file: what the unpacked bytes are measured against. */
    private static final class PackedBytes extends FilterInputStream {

        private long count;

        PackedBytes(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
