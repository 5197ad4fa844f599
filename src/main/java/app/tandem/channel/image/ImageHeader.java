package app.tandem.channel.image;

import app.tandem.channel.image.ImageRefusedException.Reason;
import java.util.Optional;

/**
 * The format and pixel size of an image, read from its first bytes without decoding it, so that a
 * decompression bomb (a small file that decodes to gigabytes) is refused before any pixel is allocated.
 * The format comes from the content's magic numbers, never from a file name.
 */
record ImageHeader(ImageFormat format, int width, int height) {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    long pixels() {
        return (long) width * height;
    }

    static ImageHeader read(byte[] b) {
        if (startsWith(b, PNG_SIGNATURE)) {
            return png(b);
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return jpeg(b);
        }
        throw otherFormat(b).map(other -> new ImageRefusedException(Reason.UNSUPPORTED_FORMAT, other))
                .orElseGet(() -> new ImageRefusedException(Reason.NOT_AN_IMAGE));
    }

    /** PNG's first chunk must be IHDR: width and height are its first two 4-byte big-endian fields. */
    private static ImageHeader png(byte[] b) {
        if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
            throw new ImageRefusedException(Reason.DAMAGED, ImageFormat.PNG.name());
        }
        return sized(ImageFormat.PNG, int32(b, 16), int32(b, 20));
    }

    /**
     * Walks the JPEG's marker segments up to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC),
     * whose height and width follow the sample precision. Every step moves forward, so a hostile file ends the
     * walk at its last byte.
     */
    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                break;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++; // fill byte before a marker
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                i += 2; // markers without a length
                continue;
            }
            int length = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame && i + 8 < b.length) {
                int height = ((b[i + 5] & 0xFF) << 8) | (b[i + 6] & 0xFF);
                int width = ((b[i + 7] & 0xFF) << 8) | (b[i + 8] & 0xFF);
                return sized(ImageFormat.JPEG, width, height);
            }
            if (marker == 0xDA || length < 2) {
                break; // scan data before any frame header
            }
            i += 2 + length;
        }
        throw new ImageRefusedException(Reason.DAMAGED, ImageFormat.JPEG.name());
    }

    private static ImageHeader sized(ImageFormat format, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new ImageRefusedException(Reason.DAMAGED, format.name());
        }
        return new ImageHeader(format, width, height);
    }

    /** The formats people do send (screenshots from older apps, iPhone photos), named so the refusal can say which. */
    private static Optional<String> otherFormat(byte[] b) {
        if (startsWith(b, "GIF87a".getBytes()) || startsWith(b, "GIF89a".getBytes())) {
            return Optional.of("GIF");
        }
        if (b.length >= 12 && startsWith(b, "RIFF".getBytes()) && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("WebP");
        }
        if (startsWith(b, "BM".getBytes())) {
            return Optional.of("BMP");
        }
        if (startsWith(b, new byte[] {'I', 'I', 42, 0}) || startsWith(b, new byte[] {'M', 'M', 0, 42})) {
            return Optional.of("TIFF");
        }
        if (b.length >= 12 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p' && b[8] == 'h' && b[9] == 'e') {
            return Optional.of("HEIC");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** PNG sizes are unsigned 31-bit; a negative int here is a lie the size check refuses. */
    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
