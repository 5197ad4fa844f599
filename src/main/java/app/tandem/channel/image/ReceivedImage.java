package app.tandem.channel.image;

import java.util.Optional;

/**
 * A customer image as a turn carries it: the checked original (opened full size), the desk's thumbnail, and its
 * read text — or, when the text could not be read in time, why not; the image is kept either way.
 */
public record ReceivedImage(CustomerImage image, Thumbnail thumbnail, Optional<ImageText> text,
                            Optional<ImageRefusedException> textNotRead) {}
