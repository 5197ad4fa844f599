package app.tandem.kb.transfer;

import app.tandem.kb.ArticleFormatException;
import app.tandem.kb.ArticleProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads import files as strict UTF-8 text with a size limit; binary and oversized files are refused. */
final class TextFiles {

    private TextFiles() {}

    static String read(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(size, maxBytes);
        }
        return decode(Files.readAllBytes(file));
    }

    /** Reads at most {@code maxBytes} from the stream; more is an error (a zip entry may lie about its size). */
    static byte[] readBounded(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length, maxBytes);
        }
        return bytes;
    }

    static String decode(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                throw new ArticleFormatException(ArticleProblem.Kind.BINARY_TEXT);
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ArticleFormatException(ArticleProblem.Kind.NOT_UTF8);
        }
    }

    private static ArticleFormatException tooLarge(long size, long maxBytes) {
        return new ArticleFormatException(ArticleProblem.Kind.TOO_LARGE, (size + 1023) / 1024, maxBytes / 1024);
    }
}
