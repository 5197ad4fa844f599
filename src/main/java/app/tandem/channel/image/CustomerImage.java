package app.tandem.channel.image;

import app.tandem.channel.image.ImageRefusedException.Reason;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * An image a customer sent that passed the checks every image passes before it is stored or read: PNG or JPEG by
 * content, at most {@value #MAX_BYTES} bytes, at most {@value #MAX_PIXELS} pixels by its header. Built only by
 * {@link #check(byte[])}; the bytes are the customer's, unchanged.
 */
public final class CustomerImage {

    /** 5 MB: a phone screenshot or photographed letter is well under it. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** 40 megapixels (160 MB decoded as ARGB): above any phone camera, below what would starve the desk of memory. */
    public static final long MAX_PIXELS = 40_000_000L;

    private final byte[] bytes;
    private final ImageHeader header;

    private CustomerImage(byte[] bytes, ImageHeader header) {
        this.bytes = bytes;
        this.header = header;
    }

    /**
     * Checks an image without decoding it: size first, then format and pixel count from the header, so a refusal
     * costs microseconds whatever the file claims.
     *
     * @throws ImageRefusedException with one sentence saying why
     */
    public static CustomerImage check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new ImageRefusedException(Reason.EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            throw new ImageRefusedException(Reason.TOO_LARGE, megabytes(bytes.length), megabytes(MAX_BYTES));
        }
        ImageHeader header = ImageHeader.read(bytes);
        if (header.pixels() > MAX_PIXELS) {
            throw new ImageRefusedException(Reason.TOO_MANY_PIXELS, String.valueOf(header.width()),
                    String.valueOf(header.height()), String.valueOf(MAX_PIXELS / 1_000_000));
        }
        return new CustomerImage(bytes.clone(), header);
    }

    public ImageFormat format() {
        return header.format();
    }

    public int width() {
        return header.width();
    }

    public int height() {
        return header.height();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The pixels, decoded in memory (no ImageIO cache file: the image may show an account). The header was
     * checked, so this allocates at most {@link #MAX_PIXELS} pixels.
     *
     * @throws ImageRefusedException DAMAGED when the body does not decode or does not match its header
     */
    public BufferedImage decode() {
        try {
            // ImageIO.read closes the stream it is given.
            BufferedImage image = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes)));
            if (image == null || image.getWidth() != width() || image.getHeight() != height()) {
                throw new ImageRefusedException(Reason.DAMAGED, format().name());
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImageRefusedException refused) {
                throw refused;
            }
            throw new ImageRefusedException(Reason.DAMAGED, format().name());
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
