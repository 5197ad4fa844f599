package app.tandem.conversation;

import java.util.Optional;

/**
 * What a customer turn carries besides its typed text, before it is stored: the checked original (the channel that
 * received it has already refused anything unsafe), a small PNG for the desk's turn list, and the text read from
 * it when it could be read.
 */
public record NewAttachment(ReadFrom source, String contentType, byte[] content, byte[] thumbnailPng,
                            Optional<ReadText> read) {

    public NewAttachment {
        content = content.clone();
        thumbnailPng = thumbnailPng.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public byte[] thumbnailPng() {
        return thumbnailPng.clone();
    }
}
