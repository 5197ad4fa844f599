package app.tandem.eval.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Article files with random structure: front matter with right, wrong, missing and repeated keys, and a
 * CommonMark body of headings, lists, quotes, code, tables, links and emphasis, nested now and then past
 * the depth Tandem allows.
 */
final class MarkdownGrammar {

    /** Ids the generated articles use: those of the shipped knowledge base and a few new ones, so that imports
     * update, conflict and add without the knowledge base growing without bound over a long run. */
    static final List<String> IDS = List.of("card-delivery-en", "pin-blocked-en", "top-up-limits-en", "transfer-fee-en",
            "card-delivery-zh", "fuzz-1-en", "fuzz-2-en", "fuzz-3-zh", "fuzz-4-en", "fuzz-5-zh");

    private MarkdownGrammar() {}

    /** A whole article file. */
    static String article(Random r) {
        String language = r.nextInt(5) == 0 ? "zh" : "en";
        StringBuilder s = new StringBuilder();
        if (r.nextInt(30) == 0) {
            s.append('\uFEFF');
        }
        if (r.nextInt(25) != 0) {
            s.append("---\n").append(frontMatter(r, language));
            if (r.nextInt(25) != 0) {
                s.append("---\n");
            }
        }
        s.append(body(r));
        String text = s.toString();
        return switch (r.nextInt(12)) {
            case 0 -> text.replace("\n", "\r\n");
            case 1 -> text.replace("\n", "\r");
            default -> text;
        };
    }

    static String frontMatter(Random r, String language) {
        StringBuilder s = new StringBuilder();
        String id = r.nextInt(15) == 0 ? badId(r) : Noise.pick(r, IDS);
        if (r.nextInt(20) != 0) {
            s.append("id: ").append(value(r, id)).append('\n');
        }
        if (r.nextInt(20) != 0) {
            s.append("title: ").append(value(r, title(r))).append('\n');
        }
        if (r.nextInt(20) != 0) {
            s.append("language: ").append(r.nextInt(15) == 0 ? Noise.pick(r, List.of("fr", "EN", "", "zh-CN", "en en")) : language)
                    .append('\n');
        }
        if (r.nextBoolean()) {
            list(r, s, "tags");
        }
        if (r.nextInt(3) == 0) {
            list(r, s, "intents");
        }
        if (r.nextInt(6) == 0) {
            s.append("translation-of: ").append(value(r, r.nextInt(4) == 0 ? badId(r) : Noise.pick(r, IDS))).append('\n');
        }
        if (r.nextInt(8) == 0) {
            s.append(Noise.pick(r, List.of("status: PUBLISHED\n", "id: other-en\n", "title:\n", "tags: [a, b, c]\n",
                    "title: |\n  two\n  lines\n", "anchor: &a x\nalias: *a\n", "\tid: tabbed\n", "? complex\n: key\n",
                    "title: \"unclosed\n", "x: " + Noise.odd(r) + "\n", "# a comment\n", "---\n", "title: a: b: c\n")));
        }
        return s.toString();
    }

    static String title(Random r) {
        int pick = r.nextInt(30);
        if (pick == 0) {
            return Noise.repeat("Long title ", 60 + r.nextInt(200));
        }
        if (pick == 1) {
            return Noise.cjk(r, 200 + r.nextInt(400));
        }
        return Noise.sentence(r, 1 + r.nextInt(8));
    }

    private static String badId(Random r) {
        return Noise.pick(r, List.of("Card Delivery", "-dash-first", "../../etc/passwd", "a".repeat(128 + r.nextInt(300)),
                "ÜBER-en", "卡-zh", "", "id with spaces", "x" + Noise.odd(r)));
    }

    private static String value(Random r, String v) {
        return switch (r.nextInt(8)) {
            case 0 -> "\"" + v + "\"";
            case 1 -> "'" + v + "'";
            case 2 -> "\"" + v;
            default -> v;
        };
    }

    private static void list(Random r, StringBuilder s, String key) {
        s.append(key).append(":\n");
        int n = r.nextInt(30) == 0 ? 50 + r.nextInt(400) : r.nextInt(5);
        for (int i = 0; i < n; i++) {
            s.append("  - ").append(value(r, Noise.word(r) + (r.nextInt(10) == 0 ? Noise.odd(r) : ""))).append('\n');
        }
    }

    /** A CommonMark body. */
    static String body(Random r) {
        StringBuilder s = new StringBuilder();
        int blocks = Noise.size(r, 8);
        for (int i = 0; i < blocks && s.length() < Noise.MAX_CHARS; i++) {
            block(r, s, 0);
        }
        return s.toString();
    }

    private static void block(Random r, StringBuilder s, int depth) {
        switch (r.nextInt(depth > 3 ? 4 : 11)) {
            case 0, 1 -> s.append(inline(r)).append("\n\n");
            case 2 -> s.append("#".repeat(1 + r.nextInt(7))).append(' ').append(inline(r)).append('\n');
            case 3 -> s.append(inline(r)).append(r.nextBoolean() ? "  \n" : "\\\n").append(inline(r)).append('\n');
            case 4 -> list(r, s, depth);
            case 5 -> quote(r, s, depth);
            case 6 -> code(r, s);
            case 7 -> table(r, s);
            case 8 -> s.append(Noise.pick(r, List.of("---\n", "***\n", "<div>\n<b>html</b>\n</div>\n", "<!-- comment\n",
                    "[ref]: http://example.com \"t\"\n"))).append('\n');
            case 9 -> deep(r, s);
            default -> s.append(Noise.sentence(r, Noise.size(r, 30))).append('\n');
        }
    }

    private static void list(Random r, StringBuilder s, int depth) {
        int items = 1 + r.nextInt(5);
        boolean ordered = r.nextBoolean();
        for (int i = 0; i < items; i++) {
            s.append("  ".repeat(depth)).append(ordered ? (i + 1) + ". " : Noise.pick(r, List.of("- ", "* ", "+ ")))
                    .append(inline(r)).append('\n');
            if (r.nextInt(4) == 0) {
                list(r, s, depth + 1);
            }
        }
        s.append('\n');
    }

    private static void quote(Random r, StringBuilder s, int depth) {
        String prefix = "> ".repeat(depth + 1);
        s.append(prefix).append(inline(r)).append('\n');
        if (r.nextInt(3) == 0) {
            quote(r, s, depth + 1);
        }
        s.append('\n');
    }

    private static void code(Random r, StringBuilder s) {
        String fence = r.nextBoolean() ? "```" : "~~~";
        s.append(fence).append(r.nextBoolean() ? "java" : "").append('\n').append(Noise.sentence(r, 10)).append('\n');
        if (r.nextInt(6) != 0) {
            s.append(fence).append('\n');
        }
    }

    private static void table(Random r, StringBuilder s) {
        int columns = r.nextInt(20) == 0 ? 200 + r.nextInt(500) : 1 + r.nextInt(5);
        int rows = columns < 10 && r.nextInt(20) == 0 ? 500 + r.nextInt(2000) : 1 + r.nextInt(5);
        s.append("|").append(" h |".repeat(columns)).append('\n').append("|").append("---|".repeat(columns)).append('\n');
        for (int i = 0; i < rows; i++) {
            s.append("|").append((" " + Noise.word(r) + " |").repeat(1 + r.nextInt(columns))).append('\n');
        }
        s.append('\n');
    }

    /** Nesting of one kind, usually within Tandem's limit of 100, sometimes far past it. */
    private static void deep(Random r, StringBuilder s) {
        int n = r.nextInt(4) == 0 ? 90 + r.nextInt(30) : r.nextInt(8) == 0 ? 1000 + r.nextInt(20_000) : 1 + r.nextInt(20);
        switch (r.nextInt(6)) {
            case 0 -> s.append(">".repeat(n)).append(" text\n\n");
            case 1 -> s.append("- ".repeat(Math.min(n, 5000))).append("item\n\n");
            case 2 -> s.append("*".repeat(n)).append("text").append("*".repeat(r.nextBoolean() ? n : n / 2)).append("\n\n");
            case 3 -> s.append("[".repeat(n)).append("link").append("](http://x)".repeat(n / 2)).append("\n\n");
            case 4 -> s.append("_".repeat(n)).append(" a_b_c ").append("\n\n");
            default -> {
                for (int i = 0; i < Math.min(n, 300); i++) {
                    s.append("  ".repeat(i)).append("- level ").append(i).append('\n');
                }
                s.append('\n');
            }
        }
    }

    private static String inline(Random r) {
        StringBuilder s = new StringBuilder();
        int parts = 1 + r.nextInt(6);
        for (int i = 0; i < parts; i++) {
            String w = Noise.sentence(r, 1 + r.nextInt(5));
            s.append(switch (r.nextInt(10)) {
                case 0 -> "*" + w + "*";
                case 1 -> "**" + w + "**";
                case 2 -> "_" + w + "_";
                case 3 -> "`" + w + "`";
                case 4 -> "[" + w + "](" + Noise.pick(r, List.of("http://example.com", "javascript:alert(1)", "", "<>",
                        "../x.md", "mailto:x@y")) + ")";
                case 5 -> "![" + w + "](img.png)";
                case 6 -> "<http://example.com/" + w.replace(' ', '-') + ">";
                case 7 -> "~~" + w + "~~";
                default -> w;
            }).append(' ');
        }
        return s.toString();
    }
}
