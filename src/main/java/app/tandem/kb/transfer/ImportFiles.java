package app.tandem.kb.transfer;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleFormatException;
import app.tandem.kb.ArticleProblem;
import app.tandem.kb.ArticleProblem.Kind;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.ImportLimits;
import app.tandem.kb.KbFolder;
import app.tandem.kb.curation.ArticleIds;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads what a person asks to import: a bundle ({@code .zip}), a folder of Markdown article files,
 * one Markdown file, a CSV file (question, answer, tags) or a JSON file. Every article is checked
 * by the article file format itself, so whatever imports can be exported again.
 */
public final class ImportFiles {

    /**
     * CSV and JSON hold many articles, read as they are parsed (never whole); each article is still limited to
     * {@link ArticleFile#MAX_BYTES}, and the file to {@link ImportLimits#MAX_ARTICLES} articles.
     */
    static final long MAX_TABLE_BYTES = ImportLimits.MAX_TOTAL_BYTES;
    private static final JsonFactory JSON = new JsonFactory();

    private ImportFiles() {}

    public static ImportSource read(Path source, Instant now, String author) {
        String name = source.getFileName() == null ? source.toString() : source.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!Files.exists(source)) {
            return new ImportSource(name, List.of(), List.of(new ImportProblem(name, Kind.NO_SUCH_FILE)));
        }
        if (Files.isDirectory(source)) {
            return folder(source, now, author);
        }
        if (lower.endsWith(".zip")) {
            return KbBundle.read(source, now, author);
        }
        if (lower.endsWith(".csv")) {
            return csv(source, now, author);
        }
        if (lower.endsWith(".json")) {
            return json(source, now, author);
        }
        if (lower.endsWith(".md")) {
            try {
                Article a = ArticleFile.parse(TextFiles.read(source, ArticleFile.MAX_BYTES), ArticleStatus.DRAFT, now, author);
                return new ImportSource(name, List.of(new Incoming(name, a, false, List.of())), List.of());
            } catch (ArticleFormatException | IOException e) {
                return new ImportSource(name, List.of(), List.of(new ImportProblem(name, problem(e))));
            }
        }
        return new ImportSource(name, List.of(), List.of(new ImportProblem(name, Kind.UNSUPPORTED_FILE)));
    }

    private static ImportSource folder(Path root, Instant now, String author) {
        KbFolder.Contents contents = KbFolder.read(root, ArticleStatus.DRAFT, now, author);
        List<Incoming> articles = contents.articles().stream()
                .map(a -> new Incoming(a.language() + "/" + a.id() + ".md", a, false, List.of())).toList();
        List<ImportProblem> problems = new ArrayList<>(contents.problems().stream()
                .map(p -> new ImportProblem(p.file(), p.problem())).toList());
        if (articles.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportProblem(root.getFileName().toString(), Kind.EMPTY_FOLDER));
        }
        return new ImportSource(root.getFileName().toString(), articles, problems);
    }

    /** Columns {@code question, answer, tags}, optionally {@code id, language}; one article per row. */
    /** Jackson's own words, except for its limits, whose message names its Java settings. */
    private static String jsonReason(JsonProcessingException e) {
        return e instanceof StreamConstraintsException ? "nested or sized past what an article file can be" : e.getOriginalMessage();
    }

    /** Where Jackson stopped: its limits' exceptions carry no location, the parser still knows it. */
    private static int jsonLine(JsonProcessingException e) {
        if (e.getLocation() != null) {
            return e.getLocation().getLineNr();
        }
        return e.getProcessor() instanceof JsonParser parser ? parser.currentLocation().getLineNr() : 1;
    }

    static ImportSource csv(Path file, Instant now, String author) {
        String name = file.getFileName().toString();
        List<Incoming> articles = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true)
                .setTrim(true).setIgnoreEmptyLines(true).build();
        try (Reader text = TextFiles.reader(file, MAX_TABLE_BYTES); CSVParser parser = CSVParser.parse(text, format)) {
            if (!parser.getHeaderMap().containsKey("question") || !parser.getHeaderMap().containsKey("answer")) {
                return new ImportSource(name, List.of(), List.of(new ImportProblem(name, Kind.CSV_HEADER)));
            }
            Set<String> ids = new HashSet<>();
            for (CSVRecord row : parser) {
                if (row.getRecordNumber() > ImportLimits.MAX_ARTICLES) {
                    return new ImportSource(name, List.of(), List.of(new ImportProblem(name, Kind.TOO_MANY_ARTICLES,
                            ImportLimits.MAX_ARTICLES)));
                }
                // Numbered as a spreadsheet shows the file (the header is row 1) and as the intent CSV import
                // counts lines: the record number alone was one less than what the supervisor sees.
                long number = row.getRecordNumber() + 1;
                String where = name + " row " + number;
                try {
                    String question = get(row, "question");
                    String language = Optional.ofNullable(get(row, "language")).filter(s -> !s.isBlank())
                            .orElse(guessLanguage(question + get(row, "answer")));
                    String id = Optional.ofNullable(get(row, "id")).filter(s -> !s.isBlank())
                            .orElse(ArticleIds.forTitle(question == null ? "" : question, language));
                    Article a = checked(id, question, language, Optional.empty(), splitTags(get(row, "tags")), List.of(),
                            Optional.empty(), get(row, "answer"), now, author);
                    if (!ids.add(a.id())) {
                        throw new ArticleFormatException(Kind.DUPLICATE_ROW_ID, a.id());
                    }
                    articles.add(new Incoming(where, a, false, List.of()));
                } catch (ArticleFormatException e) {
                    problems.add(new ImportProblem(name, ImportProblem.Part.ROW, number, e.problem()));
                }
            }
        } catch (ArticleFormatException | IOException e) {
            problems.add(new ImportProblem(name, problem(e)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // the CSV parser's own refusal (a duplicate column name, a broken quote): its words are the detail
            problems.add(new ImportProblem(name, Kind.UNREADABLE_CSV, e.getMessage()));
        } catch (UncheckedIOException e) {
            problems.add(new ImportProblem(name, TextFiles.notText(e)
                    .orElse(ArticleProblem.of(Kind.UNREADABLE_CSV, e.getCause().getMessage()))));
        }
        return new ImportSource(name, articles, problems);
    }

    /**
     * An array of articles ({@code id, title, language, status, tags, intents, translationOf, body}), or an object
     * whose {@code articles} is one. Read one article at a time from the stream, so the file is never held whole
     * and never as one tree: the tree of a 64 MB file took more than a 512 MB heap.
     */
    static ImportSource json(Path file, Instant now, String author) {
        String name = file.getFileName().toString();
        List<Incoming> articles = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        try (Reader text = TextFiles.reader(file, MAX_TABLE_BYTES); JsonParser parser = JSON.createParser(text)) {
            if (!JsonArticles.toList(parser)) {
                return new ImportSource(name, List.of(), List.of(new ImportProblem(name, Kind.NOT_AN_ARTICLE_LIST)));
            }
            Set<String> ids = new HashSet<>();
            for (int number = 1; parser.nextToken() != JsonToken.END_ARRAY; number++) {
                if (number > ImportLimits.MAX_ARTICLES) {
                    return new ImportSource(name, List.of(), List.of(new ImportProblem(name, Kind.TOO_MANY_ARTICLES,
                            ImportLimits.MAX_ARTICLES)));
                }
                String where = name + " article " + number;
                try {
                    JsonArticles.Fields n = JsonArticles.read(parser);
                    String title = n.text("title");
                    String body = n.text("body");
                    String language = Optional.ofNullable(n.text("language")).orElse(guessLanguage(title + body));
                    String id = Optional.ofNullable(n.text("id")).orElse(ArticleIds.forTitle(title == null ? "" : title, language));
                    Optional<ArticleStatus> status = Optional.ofNullable(n.text("status")).map(ImportFiles::status);
                    Optional<String> translationOf = Optional.ofNullable(n.text("translationOf"))
                            .or(() -> Optional.ofNullable(n.text("translation-of")));
                    Article a = checked(id, title, language, status, n.strings("tags"), n.strings("intents"), translationOf,
                            body, now, author);
                    if (!ids.add(a.id())) {
                        throw new ArticleFormatException(Kind.DUPLICATE_ID, a.id());
                    }
                    articles.add(new Incoming(where + " (" + a.id() + ")", a, status.isPresent(), List.of()));
                } catch (ArticleFormatException e) {
                    problems.add(new ImportProblem(name, ImportProblem.Part.ARTICLE, number, e.problem()));
                }
            }
        } catch (JsonProcessingException e) {
            return new ImportSource(name, List.of(), List.of(TextFiles.notText(e).map(p -> new ImportProblem(name, p))
                    .orElse(new ImportProblem(name, Kind.INVALID_JSON, jsonReason(e), jsonLine(e)))));
        } catch (IOException | ArticleFormatException e) {
            return new ImportSource(name, List.of(), List.of(new ImportProblem(name, problem(e))));
        }
        return new ImportSource(name, articles, problems);
    }

    /** Builds the article through the file format, so CSV and JSON obey exactly the rules Markdown files do. */
    static Article checked(String id, String title, String language, Optional<ArticleStatus> status, List<String> tags,
                           List<String> intents, Optional<String> translationOf, String body, Instant now, String author) {
        if (title == null || title.isBlank()) {
            throw new ArticleFormatException(Kind.MISSING_TITLE);
        }
        if (body == null || body.isBlank()) {
            throw new ArticleFormatException(Kind.MISSING_BODY);
        }
        if (body.length() > ArticleFile.MAX_BYTES) {
            throw new ArticleFormatException(Kind.BODY_TOO_LARGE, ArticleFile.MAX_BYTES / 1024);
        }
        if (title.contains("\n")) {
            throw new ArticleFormatException(Kind.MULTILINE_TITLE);
        }
        Article draft = new Article(id, title.strip(), language, status.orElse(ArticleStatus.DRAFT), tags, intents,
                translationOf, body, 0, now, author);
        return ArticleFile.parse(ArticleFile.format(draft), draft.status(), now, author);
    }

    private static ArticleStatus status(String value) {
        try {
            return ArticleStatus.valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new ArticleFormatException(Kind.BAD_STATUS, value);
        }
    }

    static String guessLanguage(String text) {
        return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "zh" : "en";
    }

    private static String get(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column) : null;
    }

    private static List<String> splitTags(String tags) {
        if (tags == null) {
            return List.of();
        }
        return java.util.Arrays.stream(tags.split("[;,|]")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    /** The reason an unreadable file gives: the format's own, or the reader's message. */
    private static ArticleProblem problem(Exception e) {
        return e instanceof ArticleFormatException f ? f.problem()
                : TextFiles.notText(e).orElse(ArticleProblem.of(Kind.CANNOT_READ, e.getMessage()));
    }
}
