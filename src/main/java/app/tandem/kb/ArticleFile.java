package app.tandem.kb;

import java.nio.charset.StandardCharsets;
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
    /**
     * Longer front matter is refused before it is parsed. It holds id, title, language, translation-of and a line per
     * tag and intent (the starter's longest: 12 lines), and every value has a column size below; commonmark's YAML
     * reader keeps every key, and joins a block value line by line in quadratic time (100,000 short lines of one
     * "|" block took 3.2 s; 495 lines of 2,000 characters 1.9 s). With both limits that block costs milliseconds.
     */
    public static final int MAX_FRONT_MATTER_LINES = 500;
    /** The same in characters: 16 times what the columns can hold (about 3,800 characters). */
    public static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;
    /** The size of articles.title (V1__init.sql): refused here, with the line, not by the database mid-import. */
    public static final int MAX_TITLE_LENGTH = 512;
    /** The size of articles.tags, which holds the tags joined by line breaks. */
    public static final int MAX_TAGS_LENGTH = 1_000;
    /** The size of articles.intents, joined the same way. */
    public static final int MAX_INTENTS_LENGTH = 2_000;
    /** The size of articles.translation_of. */
    public static final int MAX_TRANSLATION_OF_LENGTH = 128;
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
        // Old Mac (CR) and Windows (CRLF) line ends read as one: commonmark's YAML front matter failed on a lone CR.
        String normalised = (text.startsWith("\uFEFF") ? text.substring(1) : text).replace("\r\n", "\n").replace('\r', '\n');
        Matcher m = FRONT_MATTER.matcher(normalised);
        if (!m.matches()) {
            throw new ArticleFormatException(ArticleProblem.Kind.NO_FRONT_MATTER);
        }
        if (m.group(1).length() > MAX_FRONT_MATTER_CHARS) {
            throw new ArticleFormatException(ArticleProblem.Kind.FRONT_MATTER_TOO_LONG, MAX_FRONT_MATTER_LINES,
                    MAX_FRONT_MATTER_CHARS / 1024);
        }
        List<String> frontMatter = m.group(1).lines().toList();
        if (frontMatter.size() > MAX_FRONT_MATTER_LINES) {
            throw new ArticleFormatException(ArticleProblem.Kind.FRONT_MATTER_TOO_LONG, MAX_FRONT_MATTER_LINES,
                    MAX_FRONT_MATTER_CHARS / 1024);
        }
        Map<String, List<String>> data;
        try {
            Node document = FRONT_MATTER_PARSER.parse("---\n" + m.group(1) + "\n---\n");
            YamlFrontMatterVisitor visitor = new YamlFrontMatterVisitor();
            document.accept(visitor);
            data = visitor.getData();
        } catch (IndexOutOfBoundsException e) {
            // commonmark 0.24 cuts a quoted value's quotes off without checking its length: a value that is one '"'.
            throw new ArticleFormatException(ArticleProblem.Kind.UNREADABLE_FRONT_MATTER);
        }

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
        List<String> tags = list(data, "tags");
        List<String> intents = list(data, "intents");
        // The columns' sizes, checked where the line is known, so the import report names it instead of the database
        // refusing the whole import once it is being written.
        checkLength(id, frontMatter, "title", title, MAX_TITLE_LENGTH);
        checkLength(id, frontMatter, "tags", String.join("\n", tags), MAX_TAGS_LENGTH);
        checkLength(id, frontMatter, "intents", String.join("\n", intents), MAX_INTENTS_LENGTH);
        checkLength(id, frontMatter, "translation-of", translationOf.orElse(""), MAX_TRANSLATION_OF_LENGTH);
        return new Article(id, title, language, status, tags, intents, translationOf, body, 0, now, author);
    }

    /**
     * The columns' sizes for an article that came from the editor rather than a file: refused before the write with
     * {@link ArticleProblem.Kind#FIELD_TOO_LONG}, so the editor says which field instead of the database failing.
     */
    static void checkFields(Article article) {
        // The same size as an article file may have: a larger body from the editor could not be exported and read back.
        if (article.body().length() > MAX_BYTES / 3 && article.body().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new ArticleFormatException(ArticleProblem.Kind.BODY_TOO_LARGE, MAX_BYTES / 1024);
        }
        checkField(article.id(), "title", article.title(), MAX_TITLE_LENGTH);
        checkField(article.id(), "tags", String.join("\n", article.tags()), MAX_TAGS_LENGTH);
        checkField(article.id(), "intents", String.join("\n", article.intents()), MAX_INTENTS_LENGTH);
        checkField(article.id(), "translation-of", article.translationOf().orElse(""), MAX_TRANSLATION_OF_LENGTH);
    }

    private static void checkField(String id, String field, String value, int limit) {
        if (value.length() > limit) {
            throw new ArticleFormatException(ArticleProblem.Kind.FIELD_TOO_LONG, id, field, value.length(), limit);
        }
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

    private static void checkLength(String id, List<String> frontMatter, String key, String value, int limit) {
        if (value.length() > limit) {
            // The file's line 1 is the opening "---".
            int line = 2 + java.util.stream.IntStream.range(0, frontMatter.size())
                    .filter(i -> frontMatter.get(i).strip().startsWith(key + ":")).findFirst().orElse(0);
            throw new ArticleFormatException(ArticleProblem.Kind.VALUE_TOO_LONG, id, key, line, value.length(), limit);
        }
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
