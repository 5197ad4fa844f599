package app.tandem.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored attachment of a customer turn, without its full-size content (loaded only when the agent opens it):
 * the thumbnail, the text read from it and, once an agent fixed that text, the correction.
 */
public record Attachment(long id, long messageId, int messageSeq, ReadFrom source, String contentType,
                         byte[] thumbnailPng, Optional<ReadText> read, Optional<Correction> correction) {

    /** The read text as an agent fixed it, and who did, when. */
    public record Correction(String text, String by, Instant at) {}

    public Attachment {
        thumbnailPng = thumbnailPng.clone();
    }

    @Override
    public byte[] thumbnailPng() {
        return thumbnailPng.clone();
    }

    /** What the customer sent says, as far as the desk knows: the agent's correction over the machine's reading. */
    public Optional<String> meaning() {
        return correction.map(Correction::text).or(() -> read.map(ReadText::text));
    }

    public Attachment corrected(Correction by) {
        return new Attachment(id, messageId, messageSeq, source, contentType, thumbnailPng, read, Optional.of(by));
    }
}
