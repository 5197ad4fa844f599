package app.tandem.kb;

/**
 * How much one knowledge-base import may hold, whatever its format (bundle, folder, CSV, JSON): checked while it
 * is read, so a file made to exhaust the desk is refused before it does (issue 16). Each article is also held to
 * {@link ArticleFile#MAX_BYTES}.
 */
public final class ImportLimits {

    /**
     * Most articles (bundle files, folder files, CSV rows, JSON articles) in one import. A bank's knowledge base
     * holds hundreds to a few thousand articles per language (the starter has 98 in two); 20,000 leaves the
     * largest office several times its size while keeping the work of reading a refused import bounded.
     */
    public static final int MAX_ARTICLES = 20_000;

    /**
     * Most bytes of text one import unpacks to: 20,000 articles of 3.3 KB (the starter's average is 1.6 KB).
     * The whole import is held in memory while it is compared with ours; at this size the worst CSV, JSON or bundle
     * stays under a third of a 512 MB heap (docs/experiments/durability.md).
     */
    public static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    /**
     * Most a bundle file may unpack to, as a multiple of its packed size. Markdown packs 2 to 5 times (the starter's
     * bundle: 2.2), tables of repeated rows a few dozen; deflate's ceiling is about 1,032, reached only by runs of
     * one byte, which is what a zip bomb is made of.
     */
    public static final int MAX_PACKING_RATIO = 100;

    private ImportLimits() {}
}
