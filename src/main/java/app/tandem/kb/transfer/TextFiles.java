package app.tandem.kb.transfer;

import app.tandem.kb.ArticleFormatException;
import app.tandem.kb.ArticleProblem;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * The file as strict UTF-8 text read as it is parsed, for the files too large to hold twice (whole, then parsed):
     * a NUL byte is {@link ArticleProblem.Kind#BINARY_TEXT} and a byte past {@code maxBytes}
     * {@link ArticleProblem.Kind#TOO_LARGE} when reached (thrown by the reader); text that is not UTF-8 fails the read
     * with a {@link CharacterCodingException}, which {@link #notText} recognises. A leading byte-order mark is skipped.
     */
    static Reader reader(Path file, long maxBytes) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            throw tooLarge(size, maxBytes);
        }
        InputStream text = new TextBytes(new BufferedInputStream(Files.newInputStream(file)), maxBytes);
        BufferedReader reader = new BufferedReader(new InputStreamReader(text, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** The problem to report when reading text failed because it was not UTF-8, if that was why. */
    static Optional<ArticleProblem> notText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return Optional.of(ArticleProblem.of(ArticleProblem.Kind.NOT_UTF8));
            }
        }
        return Optional.empty();
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

    /** Refuses NUL bytes and bytes past the limit as they are read (the file may grow after it was measured). */
    private static final class TextBytes extends FilterInputStream {

        private final long maxBytes;
        private long count;

        TextBytes(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            for (int i = off; i < off + n; i++) {
                if (b[i] == 0) {
                    throw new ArticleFormatException(ArticleProblem.Kind.BINARY_TEXT);
                }
            }
            count += Math.max(0, n);
            if (count > maxBytes) {
                throw tooLarge(count, maxBytes);
            }
            return n;
        }
    }
}
