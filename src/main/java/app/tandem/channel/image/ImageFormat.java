package app.tandem.channel.image;

/** The image formats a customer may send: the two every phone and browser writes, and ImageIO decodes. */
public enum ImageFormat {
    PNG,
    JPEG
}
