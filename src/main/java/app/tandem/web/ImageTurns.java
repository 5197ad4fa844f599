package app.tandem.web;

import app.tandem.channel.image.CustomerImage;
import app.tandem.channel.image.ImageIntake;
import app.tandem.channel.image.ImageRefusedException;
import app.tandem.channel.image.ImageTextReader;
import app.tandem.channel.image.ReceivedImage;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.conversation.NewAttachment;
import app.tandem.conversation.ReadFrom;
import app.tandem.conversation.ReadText;
import app.tandem.nlp.Language;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A customer's image turn (issue 18, Images): the image's bytes as the request body, what they typed with it in a
 * header. The image is checked and its text read ({@link ImageIntake}) before anything is stored; a refused image
 * is answered 400 with the refusal's sentence and stores nothing. The reading waits on the reader's own bounded
 * threads and time limit, so a slow image holds one request, never the reader's queue past its limit.
 */
final class ImageTurns implements AutoCloseable {

    /** The image's limit plus a little: the body is the image alone, so more than this is not an image we take. */
    static final long MAX_BODY_BYTES = CustomerImage.MAX_BYTES + 16 * 1024;
    /** What the customer typed with the image travels in a header; longer words go as a message of their own. */
    static final int MAX_CAPTION_LENGTH = 1_000;
    static final String CAPTION_HEADER = "X-Turn-Text";
    static final String TURN_ID_HEADER = "X-Turn-Id";
    private static final Pattern TURN_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ConversationService conversations;
    private final ImageTextReader reader;
    private final ImageIntake intake;

    /** The turns take ownership of {@code reader}: its threads end when the chat closes. */
    ImageTurns(ConversationService conversations, ImageTextReader reader) {
        this.conversations = conversations;
        this.reader = reader;
        this.intake = new ImageIntake(reader);
    }

    /** Stores the image turn of {@code session}'s conversation and answers with its number and text. */
    Message receive(Context ctx, ChatSession session) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase();
        // An image type also makes a cross-site page ask first (CORS preflight), which this server never allows.
        if (!type.startsWith("image/png") && !type.startsWith("image/jpeg")) {
            throw ChatRefusal.badRequest("not_an_image", "Attach a PNG or JPEG image.");
        }
        String caption = caption(ctx.header(CAPTION_HEADER));
        Optional<String> turnId = Optional.ofNullable(ctx.header(TURN_ID_HEADER));
        if (turnId.isPresent() && !TURN_ID.matcher(turnId.get()).matches()) {
            throw ChatRefusal.badRequest("bad_turn_id", "A turn id is up to 64 letters, digits, '-' or '_'.");
        }
        Optional<Integer> earlier = turnId.flatMap(session::storedTurn);
        if (earlier.isPresent()) {
            return conversations.messages(session.conversationId()).stream().filter(m -> m.seq() == earlier.get())
                    .findFirst().orElseThrow();
        }
        byte[] bytes = body(ctx);
        ReceivedImage received = intake.receive(bytes, language(session.language()));
        NewAttachment attachment = new NewAttachment(ReadFrom.IMAGE, "image/" + received.image().format().name().toLowerCase(),
                received.image().bytes(), received.thumbnail().png(),
                received.text().map(t -> new ReadText(t.text(), t.meanConfidence())));
        Message stored = conversations.receiveWithAttachment(session.conversationId(), caption, attachment);
        turnId.ifPresent(id -> session.stored(id, stored.seq()));
        return stored;
    }

    /** The refusal's status and sentence for an image that failed its checks: nothing was stored. */
    static ChatRefusal refusal(ImageRefusedException e) {
        return e.reason() == ImageRefusedException.Reason.TOO_LARGE
                ? new ChatRefusal(413, "image_too_large", e.getMessage())
                : ChatRefusal.badRequest("image_" + e.reason().name().toLowerCase(), e.getMessage());
    }

    @Override
    public void close() {
        reader.close();
    }

    /** The page percent-encodes the caption (a header is ASCII); it is checked as a turn's text is. */
    private static String caption(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        String text;
        try {
            text = URLDecoder.decode(header, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            throw ChatRefusal.badRequest("bad_caption", "The words sent with the image could not be read; send them again.");
        }
        if (text.length() > MAX_CAPTION_LENGTH) {
            throw ChatRefusal.badRequest("caption_too_long", "Words sent with an image are up to " + MAX_CAPTION_LENGTH
                    + " characters; send a longer message on its own.");
        }
        return text;
    }

    /**
     * The body, refused before it is read when it says it is too large, and while it is read when it turns out so
     * (a body sent in chunks has no length to check first).
     */
    private static byte[] body(Context ctx) {
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.req().getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[64 * 1024];
            for (int n; (n = in.read(chunk)) != -1; ) {
                out.write(chunk, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    throw tooLarge();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The image could not be received", e);
        }
    }

    private static ChatRefusal tooLarge() {
        return new ChatRefusal(413, "image_too_large", "This image is larger than "
                + CustomerImage.MAX_BYTES / (1024 * 1024) + " MB; send a smaller one.");
    }

    private static Language language(ChatLanguage language) {
        return switch (language) {
            case ENGLISH -> Language.EN;
            case SIMPLIFIED_CHINESE -> Language.ZH;
        };
    }
}
