package app.tandem.kb;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalInt;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * How deep an article's Markdown may nest, and walking it without recursion (issue 16). A 20 KB article of
 * nested block quotes, list markers or emphasis overflowed the stack of every recursive walker over its tree,
 * and commonmark's own inline parser recurses once per emphasis level, so such text is measured before it
 * is parsed: by a linear scan of line prefixes and delimiter runs, never by parsing.
 *
 * <p>The scan errs on the deep side: a list level is counted per two columns of indentation before a
 * marker, and emphasis per delimiter character still open ({@code **} counts two). Real articles nest a
 * handful of levels, so the door's limit of {@value #MAX_DEPTH} refuses only the pathological.
 */
public final class MarkdownLimits {

    /** Block quotes, lists, emphasis and links nested deeper than this are refused at the door. */
    public static final int MAX_DEPTH = 100;
    /**
     * Text measured deeper than this is not given to commonmark at all but read as plain text: an article
     * stored before the door existed. Ten times the door, and still far below the ~6,000 emphasis levels at
     * which commonmark's inline parser overflowed a 1 MB thread stack.
     */
    static final int MAX_PARSE_DEPTH = 1000;

    private MarkdownLimits() {}

    /**
     * Refuses an article whose body nests deeper than {@link #MAX_DEPTH}, naming it and the body's line,
     * before anything is stored or indexed.
     */
    public static void check(String articleId, String body) {
        OptionalInt line = tooDeep(body, MAX_DEPTH);
        if (line.isPresent()) {
            throw new ArticleFormatException(ArticleProblem.Kind.TOO_DEEP, articleId, line.getAsInt(), MAX_DEPTH);
        }
    }

    /** The first line (1 = first) on which {@code markdown} nests deeper than {@code max}, if any. */
    public static OptionalInt tooDeep(String markdown, int max) {
        if (markdown == null) {
            return OptionalInt.empty();
        }
        int lineNumber = 0;
        int openInline = 0;
        char fence = 0;
        int fenceLength = 0;
        for (int start = 0; start <= markdown.length(); ) {
            int end = markdown.indexOf('\n', start);
            if (end < 0) {
                end = markdown.length();
            }
            lineNumber++;
            Prefix prefix = prefix(markdown, start, end);
            int rest = prefix.restStart;
            int fenceRun = run(markdown, rest, end);
            char first = rest < end ? markdown.charAt(rest) : 0;
            if (fence != 0) {
                // Inside fenced code nothing nests; only the closing fence matters.
                if (first == fence && fenceRun >= fenceLength) {
                    fence = 0;
                }
            } else if ((first == '`' || first == '~') && fenceRun >= 3) {
                fence = first;
                fenceLength = fenceRun;
                openInline = 0;
            } else {
                if (prefix.depth > max) {
                    return OptionalInt.of(lineNumber);
                }
                if (prefix.markers > 0 || isBlank(markdown, rest, end)) {
                    // A new block starts: emphasis and brackets never span blocks.
                    openInline = 0;
                }
                openInline = inline(markdown, rest, end, openInline, max);
                if (openInline > max) {
                    return OptionalInt.of(lineNumber);
                }
            }
            start = end + 1;
        }
        return OptionalInt.empty();
    }

    /** A line's container markers ({@code >}, list bullets and numbers) and how deep they can nest it. */
    private record Prefix(int markers, int depth, int restStart) {}

    private static Prefix prefix(String s, int start, int end) {
        int i = start;
        int columns = 0;
        int quotes = 0;
        int bullets = 0;
        while (i < end) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') {
                columns += c == '\t' ? 4 : 1;
                i++;
            } else if (c == '>') {
                quotes++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && (i + 1 == end || isSpace(s.charAt(i + 1)))) {
                bullets++;
                i++;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < end && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                if (j < end && (s.charAt(j) == '.' || s.charAt(j) == ')') && (j + 1 == end || isSpace(s.charAt(j + 1)))) {
                    bullets++;
                    i = j + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if (bullets > 0 && thematicBreak(s, start, end)) {
            // "- - -" and "* * *" are rules, not lists.
            bullets = 0;
        }
        int markers = quotes + bullets;
        // A nested list item is indented at least two columns past its parent's, so indentation bounds the
        // list levels carried from lines above; a line without markers opens nothing new.
        int depth = markers == 0 ? 0 : markers + (bullets > 0 ? columns / 2 : 0);
        return new Prefix(markers, depth, i);
    }

    /** Open emphasis delimiters and brackets after this line, starting from those open before it. */
    private static int inline(String s, int from, int end, int open, int max) {
        int i = from;
        while (i < end && open <= max) {
            char c = s.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '*' || c == '_') {
                int j = i + 1;
                while (j < end && s.charAt(j) == c) {
                    j++;
                }
                char before = i > from ? s.charAt(i - 1) : ' ';
                char after = j < end ? s.charAt(j) : ' ';
                boolean left = !isSpace(after) && (!isPunctuation(after) || isSpace(before) || isPunctuation(before));
                boolean right = !isSpace(before) && (!isPunctuation(before) || isSpace(after) || isPunctuation(after));
                int length = j - i;
                if (left && (!right || open == 0)) {
                    open += length;
                } else if (right) {
                    open = Math.max(0, open - length);
                }
                i = j;
            } else if (c == '[') {
                open++;
                i++;
            } else if (c == ']') {
                open = Math.max(0, open - 1);
                i++;
            } else {
                i++;
            }
        }
        return open;
    }

    private static int run(String s, int from, int end) {
        if (from >= end) {
            return 0;
        }
        char c = s.charAt(from);
        int j = from;
        while (j < end && s.charAt(j) == c) {
            j++;
        }
        return j - from;
    }

    private static boolean thematicBreak(String s, int start, int end) {
        char rule = 0;
        int count = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (isSpace(c) || c == '>' && count == 0) {
                continue;
            }
            if (c != '-' && c != '*' && c != '_' || rule != 0 && c != rule) {
                return false;
            }
            rule = c;
            count++;
        }
        return count >= 3;
    }

    private static boolean isBlank(String s, int from, int end) {
        for (int i = from; i < end; i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isPunctuation(char c) {
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * Parses {@code markdown} for a walker, or empty when it nests too deep to parse safely: the caller
     * then reads it as plain text ({@link #plainLines}). Articles stored before the door get here.
     */
    public static Optional<Node> parse(Parser parser, String markdown) {
        String text = markdown == null ? "" : markdown;
        if (tooDeep(text, MAX_PARSE_DEPTH).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.parse(text));
        } catch (StackOverflowError e) {
            // The scan errs on the deep side but is a heuristic; commonmark's inline parser recurses per
            // emphasis level in library code that holds no shared state, so the stack unwinds cleanly and
            // the text is read as plain text instead of taking down the index rebuild or the FX thread.
            return Optional.empty();
        }
    }

    /** How many levels deep the tree under {@code node} goes (the node itself is 0), without recursion. */
    public static int depth(Node node) {
        int deepest = 0;
        Deque<Node> stack = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        stack.push(node);
        levels.push(0);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            int level = levels.pop();
            deepest = Math.max(deepest, level);
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                stack.push(c);
                levels.push(level + 1);
            }
        }
        return deepest;
    }

    /**
     * The text under {@code node}, blocks on lines of their own, without recursion: for trees too deep for
     * commonmark's recursive renderers.
     */
    public static String plainText(Node node) {
        StringBuilder out = new StringBuilder();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(node);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Text t) {
                out.append(t.getLiteral());
            } else if (n instanceof Code c) {
                out.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak) {
                out.append(' ');
            } else if (n instanceof HardLineBreak
                    || n instanceof Block && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            // Last child pushed first, so the first child is walked first.
            for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) {
                stack.push(c);
            }
        }
        return out.toString();
    }

    /**
     * Markdown read as plain text without parsing it: each line loses its quote and list markers and the
     * text its emphasis delimiters. For articles {@link #parse} will not parse.
     */
    public static String plainLines(String markdown) {
        StringBuilder out = new StringBuilder();
        String text = markdown == null ? "" : markdown;
        for (int start = 0; start <= text.length(); ) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int rest = prefix(text, start, end).restStart;
            for (int i = rest; i < end; i++) {
                char c = text.charAt(i);
                if (c != '*' && c != '\r' && !(c == '_' && (i + 1 < end && text.charAt(i + 1) == '_' || i > rest
                        && text.charAt(i - 1) == '_'))) {
                    out.append(c);
                }
            }
            out.append('\n');
            start = end + 1;
        }
        return out.toString().strip();
    }
}
