package app.tandem.channel.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.channel.image.ImageRefusedException.Reason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CustomerImageTest {

    @Test
    void aRealPngIsAcceptedWithItsSizeAndAThumbnail() throws IOException {
        byte[] png = encoded(drawn(1200, 600), "png");

        CustomerImage image = CustomerImage.check(png);

        assertEquals(ImageFormat.PNG, image.format());
        assertEquals(1200, image.width());
        assertEquals(600, image.height());
        assertArrayEquals(png, image.bytes());
        Thumbnail thumbnail = Thumbnail.of(image.decode());
        assertEquals(Thumbnail.MAX_SIDE, thumbnail.width());
        assertEquals(160, thumbnail.height());
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(thumbnail.png()));
        assertEquals(Thumbnail.MAX_SIDE, shown.getWidth());
    }

    @Test
    void aRealJpegIsAcceptedWithItsSize() throws IOException {
        BufferedImage rgb = drawn(640, 480);

        CustomerImage image = CustomerImage.check(encoded(rgb, "jpg"));

        assertEquals(ImageFormat.JPEG, image.format());
        assertEquals(640, image.width());
        assertEquals(480, image.height());
        assertEquals(480, image.decode().getHeight());
    }

    @Test
    void aGifIsRefusedByName() throws IOException {
        ImageRefusedException refused = assertThrows(ImageRefusedException.class,
                () -> CustomerImage.check(encoded(drawn(50, 50), "gif")));

        assertEquals(Reason.UNSUPPORTED_FORMAT, refused.reason());
        assertEquals("This is a GIF image; Tandem takes PNG and JPEG only.", refused.getMessage());
    }

    @Test
    void textCalledPngIsNotAnImage() {
        // The name a customer's browser sends says .png; the content decides.
        byte[] statementPng = "Balance 1,280.00 on 07/11/2026".getBytes(StandardCharsets.UTF_8);

        ImageRefusedException refused = assertThrows(ImageRefusedException.class, () -> CustomerImage.check(statementPng));

        assertEquals(Reason.NOT_AN_IMAGE, refused.reason());
    }

    @Test
    void aPngClaimingTenGigapixelsIsRefusedFromItsHeaderAlone() {
        byte[] bomb = pngHeaderOnly(100_000, 100_000);

        long start = System.nanoTime();
        ImageRefusedException refused = assertThrows(ImageRefusedException.class, () -> CustomerImage.check(bomb));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(Reason.TOO_MANY_PIXELS, refused.reason());
        assertEquals("This image is 100000 × 100000 pixels; the limit is 40 megapixels.", refused.getMessage());
        assertTrue(millis < 100, "refused in " + millis + " ms");
    }

    @Test
    void sixMegabytesAreRefusedBeforeTheHeaderIsRead() throws IOException {
        byte[] png = encoded(drawn(20, 20), "png");
        byte[] large = new byte[6 * 1024 * 1024];
        System.arraycopy(png, 0, large, 0, png.length);

        ImageRefusedException refused = assertThrows(ImageRefusedException.class, () -> CustomerImage.check(large));

        assertEquals(Reason.TOO_LARGE, refused.reason());
        assertEquals("This image is 6.0 MB; the limit is 5.0 MB.", refused.getMessage());
    }

    @Test
    void aTruncatedJpegIsDamagedNotAStackTrace() throws IOException {
        byte[] jpeg = encoded(drawn(300, 200), "jpg");
        byte[] cut = Arrays.copyOf(jpeg, 40);

        ImageRefusedException refused = assertThrows(ImageRefusedException.class, () -> CustomerImage.check(cut).decode());

        assertEquals(Reason.DAMAGED, refused.reason());
        assertEquals("This JPEG image is damaged and cannot be opened.", refused.getMessage());
    }

    @Test
    void aPngWhoseBodyIsNotItsHeaderIsDamagedOnDecoding() {
        CustomerImage image = CustomerImage.check(pngHeaderOnly(800, 600));

        ImageRefusedException refused = assertThrows(ImageRefusedException.class, image::decode);

        assertEquals(Reason.DAMAGED, refused.reason());
    }

    private static BufferedImage drawn(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawString("Balance 1,280.00", 10, 20);
        g.dispose();
        return image;
    }

    private static byte[] encoded(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), "no ImageIO writer for " + format);
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR chunk claiming the size, and nothing after it. */
    private static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        b.putInt(13);
        int chunkStart = b.position();
        b.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(b.array(), chunkStart, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }
}
