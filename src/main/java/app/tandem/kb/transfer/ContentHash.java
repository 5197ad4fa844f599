package app.tandem.kb.transfer;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bytes, and of an article's file text (its content, not its status or version). */
public final class ContentHash {

    private ContentHash() {}

    public static String of(Article article) {
        return sha256(ArticleFile.format(article).getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
