package app.tandem.channel.image;

import app.tandem.work.RefusedException;
import java.util.List;

/**
 * A customer image Tandem will not show or read, and why, as data: the desk words it in the agent's language
 * ({@code Texts.failure}, keys {@code failure.image.<REASON>}); {@link #getMessage()} is the English for logs and
 * the command line. The image's bytes are never repeated: they may show an account.
 */
public final class ImageRefusedException extends RefusedException {

    public enum Reason implements WordedReason {
        EMPTY,
        /** args: the size in MB (one decimal), the limit in MB. */
        TOO_LARGE,
        /** args: the format found (GIF, WebP, BMP, TIFF, HEIC). */
        UNSUPPORTED_FORMAT,
        NOT_AN_IMAGE,
        /** args: width, height, the limit in megapixels. */
        TOO_MANY_PIXELS,
        /** args: the format (PNG, JPEG). */
        DAMAGED,
        /** args: the time limit in seconds. */
        READING_TOO_SLOW,
        /** More images wait to be read than the reader queues. */
        READER_BUSY;

        @Override
        public String english(List<String> a) {
            return switch (this) {
                case EMPTY -> "This image is empty.";
                case TOO_LARGE -> "This image is " + a.get(0) + " MB; the limit is " + a.get(1) + " MB.";
                case UNSUPPORTED_FORMAT -> "This is a " + a.get(0) + " image; Tandem takes PNG and JPEG only.";
                case NOT_AN_IMAGE -> "This file is not a PNG or JPEG image.";
                case TOO_MANY_PIXELS -> "This image is " + a.get(0) + " × " + a.get(1) + " pixels; the limit is "
                        + a.get(2) + " megapixels.";
                case DAMAGED -> "This " + a.get(0) + " image is damaged and cannot be opened.";
                case READING_TOO_SLOW -> "The text of this image could not be read within " + a.get(0)
                        + " seconds; the image is kept without it.";
                case READER_BUSY -> "Too many images are being read right now; the image is kept without its text.";
            };
        }
    }

    public ImageRefusedException(Reason reason, String... args) {
        super(reason, args);
    }

    @Override
    public Reason reason() {
        return (Reason) super.reason();
    }
}
