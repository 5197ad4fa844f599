package app.tandem.kb.transfer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes a real zip bomb: many entries of one repeated byte, deflated once and written again and again, with
 * headers that may lie about the unpacked size. Written by hand, because deflating 700 MB for every test would
 * take longer than refusing it.
 */
final class ZipBomb {

    private ZipBomb() {}

    /**
     * {@code entries} files named {@code articles/en/bomb-<i>.md}, each {@code bytesEach} bytes of '-' unpacked;
     * {@code claimedSize}: the unpacked size the headers state (the truth, or a lie), per entry.
     */
    static Path write(Path file, int entries, int bytesEach, long claimedSize) throws IOException {
        byte[] plain = new byte[bytesEach];
        Arrays.fill(plain, (byte) '-');
        CRC32 crc = new CRC32();
        crc.update(plain);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(plain);
        deflater.finish();
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            packed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        byte[] data = packed.toByteArray();

        List<byte[]> names = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        try (OutputStream raw = Files.newOutputStream(file); CountingOut out = new CountingOut(raw)) {
            for (int i = 0; i < entries; i++) {
                byte[] name = ("articles/en/bomb-" + i + ".md").getBytes(StandardCharsets.UTF_8);
                names.add(name);
                offsets.add(out.count);
                out.le32(0x04034b50);
                out.le16(20);
                out.le16(0);
                out.le16(8);
                out.le32(0);
                out.le32((int) crc.getValue());
                out.le32(data.length);
                out.le32((int) claimedSize);
                out.le16(name.length);
                out.le16(0);
                out.write(name);
                out.write(data);
            }
            long directory = out.count;
            for (int i = 0; i < entries; i++) {
                out.le32(0x02014b50);
                out.le16(20);
                out.le16(20);
                out.le16(0);
                out.le16(8);
                out.le32(0);
                out.le32((int) crc.getValue());
                out.le32(data.length);
                out.le32((int) claimedSize);
                out.le16(names.get(i).length);
                out.le16(0);
                out.le16(0);
                out.le16(0);
                out.le16(0);
                out.le32(0);
                out.le32(offsets.get(i).intValue());
                out.write(names.get(i));
            }
            long end = out.count;
            out.le32(0x06054b50);
            out.le16(0);
            out.le16(0);
            out.le16(entries);
            out.le16(entries);
            out.le32((int) (end - directory));
            out.le32((int) directory);
            out.le16(0);
        }
        return file;
    }

    private static final class CountingOut extends DataOutputStream {

        private long count;

        CountingOut(OutputStream out) {
            super(out);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            super.write(b);
            count++;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            count += len;
        }

        void le16(int v) throws IOException {
            write(v & 0xff);
            write((v >>> 8) & 0xff);
        }

        void le32(int v) throws IOException {
            le16(v & 0xffff);
            le16((v >>> 16) & 0xffff);
        }
    }
}
