package app.tandem.kb;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.front.matter.YamlFrontMatterVisitor;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;

/**
 * Reads and writes the {@code kb/} file format: Markdown with YAML front matter (docs/kb-format.md).
 */
public final class ArticleFile {

    /** Larger files are refused: an article is a page, not a manual. */
    public static final int MAX_BYTES = 1_000_000;
    static final Set<String> LANGUAGES = Set.of("en", "zh");
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R?(.*)\\z", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,126}");

    private static final Parser FRONT_MATTER_PARSER =
            Parser.builder().extensions(List.of(YamlFrontMatterExtension.create())).build();

    private ArticleFile() {}

    /** Parses one file's text; the exception's {@link ArticleFormatException#problem()} says what is wrong, for the import report. */
    public static Article parse(String text, ArticleStatus status, Instant now, String author) {
        if (text.indexOf('\0') >= 0) {
            throw new ArticleFormatException(ArticleProblem.Kind.BINARY_MARKDOWN);
        }
        String normalised = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Matcher m = FRONT_MATTER.matcher(normalised);
        if (!m.matches()) {
            throw new ArticleFormatException(ArticleProblem.Kind.NO_FRONT_MATTER);
        }
        Node document = FRONT_MATTER_PARSER.parse("---\n" + m.group(1) + "\n---\n");
        YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
        document.accept(visitor);
        Map<String, List<String>> data = visitor.getData();

        String id = single(data, "id");
        if (!ID.matcher(id).matches()) {
            throw new ArticleFormatException(ArticleProblem.Kind.BAD_ID, id);
        }
        String title = single(data, "title");
        String language = single(data, "language");
        if (!LANGUAGES.contains(language)) {
            throw new ArticleFormatException(ArticleProblem.Kind.BAD_LANGUAGE, language, new java.util.TreeSet<>(LANGUAGES));
        }
        String body = m.group(2).strip();
        if (body.isEmpty()) {
            throw new ArticleFormatException(ArticleProblem.Kind.NO_BODY);
        }
        // Every way in (seeding, every import format) reads through here: too deep a body is refused now,
        // before it is stored and breaks the index at every later start.
        MarkdownLimits.check(id, body);
        Optional<String> translationOf = Optional.ofNullable(data.get("translation-of"))
                .filter(v -> !v.isEmpty()).map(v -> unquote(v.get(0))).filter(v -> !v.isBlank());
        return new Article(id, title, language, status, list(data, "tags"), list(data, "intents"),
                translationOf, body, 0, now, author);
    }

    /** The file text for an article, the inverse of {@link #parse}. */
    public static String format(Article article) {
        StringBuilder out = new StringBuilder("---\n");
        out.append("id: ").append(article.id()).append('\n');
        out.append("title: ").append(quote(article.title())).append('\n');
        out.append("language: ").append(article.language()).append('\n');
        appendList(out, "tags", article.tags());
        appendList(out, "intents", article.intents());
        article.translationOf().ifPresent(t -> out.append("translation-of: ").append(t).append('\n'));
        return out.append("---\n").append(article.body().strip()).append('\n').toString();
    }

    private static void appendList(StringBuilder out, String key, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.append(key).append(":\n");
        values.forEach(v -> out.append("  - ").append(quote(v)).append('\n'));
    }

    private static String single(Map<String, List<String>> data, String key) {
        List<String> values = data.get(key);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            throw new ArticleFormatException(ArticleProblem.Kind.MISSING_KEY, key);
        }
        return unquote(values.get(0)).strip();
    }

    private static List<String> list(Map<String, List<String>> data, String key) {
        return data.getOrDefault(key, List.of()).stream().map(ArticleFile::unquote).map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
    }

    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static String quote(String value) {
        boolean plain = value.matches("[\\p{L}\\p{N} _.,()?!'’\\-–]+") && !value.contains(": ") && !value.startsWith("-");
        return plain ? value : "\"" + value.replace("\"", "'") + "\"";
    }
}
