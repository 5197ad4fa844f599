package app.tandem.channel.image;

import app.tandem.nlp.Language;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * What the web chat and the desk call with the bytes of an image a customer sent: check it, make its thumbnail,
 * read its text. A refused image stores nothing; an image whose text cannot be read is still shown.
 */
public final class ImageIntake {

    private final ImageTextReader reader;

    public ImageIntake(ImageTextReader reader) {
        this.reader = reader;
    }

    /**
     * @throws ImageRefusedException when the image fails its checks (size, format, pixels, damaged)
     */
    public ReceivedImage receive(byte[] bytes, Language customerLanguage) {
        CustomerImage image = CustomerImage.check(bytes);
        BufferedImage pixels = image.decode();
        Thumbnail thumbnail = Thumbnail.of(pixels);
        try {
            return new ReceivedImage(image, thumbnail, Optional.of(reader.read(pixels, customerLanguage)),
                    Optional.empty());
        } catch (ImageRefusedException unread) {
            return new ReceivedImage(image, thumbnail, Optional.empty(), Optional.of(unread));
        }
    }
}
