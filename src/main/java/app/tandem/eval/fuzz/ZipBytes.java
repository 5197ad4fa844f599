package app.tandem.eval.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Writes and takes apart zip files in memory, including what {@link ZipOutputStream} will not write: two
 * entries with one name, and local headers whose sizes lie.
 */
final class ZipBytes {

    /** One entry; {@code stored} writes it uncompressed, with its sizes in the local header. */
    record Entry(String name, byte[] bytes, boolean stored) {}

    private ZipBytes() {}

    static byte[] write(List<Entry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Entry e : entries) {
                ZipEntry z = new ZipEntry(e.name());
                if (e.stored()) {
                    CRC32 crc = new CRC32();
                    crc.update(e.bytes());
                    z.setMethod(ZipEntry.STORED);
                    z.setSize(e.bytes().length);
                    z.setCompressedSize(e.bytes().length);
                    z.setCrc(crc.getValue());
                }
                zip.putNextEntry(z);
                zip.write(e.bytes());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The entries of a zip this harness wrote (a seed bundle), by name, in order. */
    static Map<String, byte[]> read(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /**
     * Gives the entry named {@code from} the name {@code to} in the local headers and the central directory.
     * Names must be of the same length in UTF-8: the zip's offsets stay right, and two entries can share a name.
     */
    static byte[] rename(byte[] zip, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("names of different lengths");
        }
        byte[] out = zip.clone();
        for (int i = 0; i + a.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, out, i, b.length);
            }
        }
        return out;
    }

    /** Sets random sizes in some local headers ("PK\3\4": compressed size at +18, size at +22). */
    static byte[] lieAboutSizes(byte[] zip, Random r) {
        byte[] out = zip.clone();
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i + 30 <= out.length; i++) {
            if (out[i] == 'P' && out[i + 1] == 'K' && out[i + 2] == 3 && out[i + 3] == 4) {
                headers.add(i);
            }
        }
        for (int h : headers) {
            if (r.nextBoolean()) {
                long size = switch (r.nextInt(4)) {
                    case 0 -> 0xFFFFFFFFL;
                    case 1 -> 0;
                    case 2 -> r.nextInt(100);
                    default -> r.nextInt(2_000_000);
                };
                putInt(out, h + (r.nextBoolean() ? 18 : 22), size);
            }
        }
        return out;
    }

    private static void putInt(byte[] b, int at, long v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
