package app.tandem.kb;

import java.util.OptionalInt;

/** How deep an article's Markdown may nest (issue 16). Stub: the check follows. */
public final class MarkdownLimits {

    /** Block quotes, lists, emphasis and links nested deeper than this are refused at the door. */
    public static final int MAX_DEPTH = 100;

    private MarkdownLimits() {}

    public static OptionalInt tooDeep(String markdown, int max) {
        return OptionalInt.empty();
    }
}
