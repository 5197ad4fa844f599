package app.tandem.kb.curation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Article ids for new articles: the title's slug and the language, {@code card-delivery-en}. */
public final class ArticleIds {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,126}");
    private static final int MAX_SLUG = 60;

    private ArticleIds() {}

    /**
     * The id for a title: lower-case ASCII words joined by dashes, then the language. A title with
     * no Latin letters or digits (Chinese) gets a short stable hash of the title instead.
     */
    public static String forTitle(String title, String language) {
        String ascii = Normalizer.normalize(title.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (ascii.length() > MAX_SLUG) {
            ascii = ascii.substring(0, MAX_SLUG).replaceAll("-+$", "");
        }
        if (ascii.isEmpty()) {
            ascii = "article-" + shortHash(title.strip());
        }
        return ascii + "-" + language;
    }

    /** Why the id cannot be used, or empty when it can. */
    public static java.util.Optional<ArticleRefusedException> problem(String id, String language) {
        if (id == null || !VALID.matcher(id).matches()) {
            return java.util.Optional.of(new ArticleRefusedException(ArticleRefusedException.Reason.BAD_ID, String.valueOf(id)));
        }
        if (!id.endsWith("-" + language)) {
            return java.util.Optional.of(new ArticleRefusedException(ArticleRefusedException.Reason.ID_WITHOUT_LANGUAGE, id, language));
        }
        return java.util.Optional.empty();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
