package app.tandem.kb;

import java.util.List;

/**
 * Why an article file, or a knowledge-base import, cannot be read: a kind and its arguments, so the
 * desk can say it in the person's language (ADR 0005). {@link #english()} is the same in English for
 * logs, the command line and exception messages.
 *
 * <p>Arguments are strings and stay as they came: ids, languages, statuses, field names, sizes in KB,
 * and the technical message of a library (a zip or CSV parser's own words) are not translated.
 */
public record ArticleProblem(Kind kind, List<String> args) {

    /** One kind per way a file is refused; the comment names the arguments, in order. */
    public enum Kind {
        /** Markdown file with NUL bytes. */
        BINARY_MARKDOWN,
        /** Any import file with NUL bytes. */
        BINARY_TEXT,
        NOT_UTF8,
        /** size in KB, limit in KB. */
        TOO_LARGE,
        /** the reader's message (an IOException's). */
        CANNOT_READ,
        NO_FRONT_MATTER,
        /** commonmark's YAML front matter could not read it (a value that is a lone quote, ...). */
        UNREADABLE_FRONT_MATTER,
        /** the front-matter key. */
        MISSING_KEY,
        /** the id. */
        BAD_ID,
        /** the language, the languages allowed. */
        BAD_LANGUAGE,
        NO_BODY,
        /** the id. */
        DUPLICATE_ID,
        /** the id (two CSV rows gave the same id, most likely the same question). */
        DUPLICATE_ROW_ID,
        NO_SUCH_FILE,
        UNSUPPORTED_FILE,
        EMPTY_FOLDER,
        CSV_HEADER,
        /** the parser's message. */
        UNREADABLE_CSV,
        /** the parser's message, the line number. */
        INVALID_JSON,
        NOT_AN_ARTICLE_LIST,
        MISSING_TITLE,
        MISSING_BODY,
        /** the limit in KB. */
        BODY_TOO_LARGE,
        MULTILINE_TITLE,
        /** the status as written. */
        BAD_STATUS,
        /** the field name. */
        NOT_A_STRING_LIST,
        /** the most files a bundle may hold. */
        TOO_MANY_FILES,
        /** the zip reader's message. */
        UNREADABLE_ZIP,
        /** the manifest's file name. */
        NO_MANIFEST,
        /** the manifest's file name, the parser's message. */
        MANIFEST_NOT_JSON,
        /** the manifest's file name (binary or not UTF-8). */
        MANIFEST_NOT_TEXT,
        /** the manifest's file name, the bundle format's name, its newest version. */
        BAD_BUNDLE_FORMAT,
        MISSING_FROM_BUNDLE,
        HASH_MISMATCH,
        /** the status as written in the manifest. */
        UNKNOWN_MANIFEST_STATUS,
        /** the file's id, the manifest's id. */
        ID_DIFFERS,
        NOT_IN_MANIFEST,
        NO_BUNDLED_KB,
        /** the article's id, the line of its body, the deepest nesting allowed. */
        TOO_DEEP,
        /** the most MB a bundle may unpack to. */
        BUNDLE_TOO_LARGE,
        /** the most a file or bundle may unpack to, as a multiple of its packed size. */
        PACKED_TOO_TIGHTLY,
        /** (the problem's file is the name) an absolute path or one with "..". */
        UNSAFE_ENTRY_NAME,
        /** (the problem's file is the name) a second file of the same name in a bundle. */
        DUPLICATE_ENTRY,
        /** the most article files a folder may hold. */
        FOLDER_TOO_MANY_FILES,
        /** the most MB a folder's article files may add up to. */
        FOLDER_TOO_LARGE,
        /** the most articles (CSV rows, JSON articles) one file may hold. */
        TOO_MANY_ARTICLES,
        /** the most lines front matter may have, the most KB. */
        FRONT_MATTER_TOO_LONG,
        /** the article's id, the front-matter key, its line in the file, its length in characters, the limit. */
        VALUE_TOO_LONG,
        /** the article's id, the field, its length in characters, the limit: an editor's save, with no file line to name. */
        FIELD_TOO_LONG,
        /** the field name, the most entries it may list. */
        LIST_TOO_LONG
    }

    /** A quoted value longer than this is cut: a refusal names what is wrong, it does not repeat a megabyte of it. */
    static final int MAX_QUOTED = 80;

    public ArticleProblem {
        args = args.stream().map(ArticleProblem::shown).toList();
    }

    /**
     * An argument as a refusal may show it: cut past {@link #MAX_QUOTED} characters, and without control or
     * direction-changing characters, which would turn the sentence around it backwards or break its line.
     */
    private static String shown(String arg) {
        StringBuilder out = new StringBuilder();
        arg.codePoints().limit(MAX_QUOTED).forEach(c -> {
            int type = Character.getType(c);
            out.appendCodePoint(type == Character.CONTROL || type == Character.FORMAT ? '?' : c);
        });
        return arg.codePointCount(0, arg.length()) > MAX_QUOTED ? out.append('…').toString() : out.toString();
    }

    public static ArticleProblem of(Kind kind, Object... args) {
        return new ArticleProblem(kind, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    /** The {@code i}-th argument, or "" when there is none. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** In English, as the import report and the command line have always said it. */
    public String english() {
        return switch (kind) {
            case BINARY_MARKDOWN -> "binary content, not a Markdown file";
            case BINARY_TEXT -> "binary content, not a text file";
            case NOT_UTF8 -> "not UTF-8 text";
            case TOO_LARGE -> "file is " + arg(0) + " KB; the limit is " + arg(1) + " KB";
            case CANNOT_READ -> "cannot read: " + arg(0);
            case NO_FRONT_MATTER -> "no front matter: the file must start with a line '---'";
            case UNREADABLE_FRONT_MATTER -> "the front matter cannot be read: check that each quoted value ends with its quote on the same line";
            case MISSING_KEY -> "missing \"" + arg(0) + "\" in the front matter";
            case BAD_ID -> "id \"" + arg(0) + "\" must be lower-case letters, digits and dashes";
            case BAD_LANGUAGE -> "language \"" + arg(0) + "\" is not one of " + arg(1);
            case NO_BODY -> "the article has no body";
            case DUPLICATE_ID -> "duplicate id \"" + arg(0) + "\"";
            case DUPLICATE_ROW_ID -> "duplicate id \"" + arg(0) + "\" (two rows with the same question?)";
            case NO_SUCH_FILE -> "no such file or folder";
            case UNSUPPORTED_FILE -> "not a file Tandem imports: use a .zip bundle, a folder of .md files, a .md, .csv or .json file";
            case EMPTY_FOLDER -> "the folder holds no .md article files";
            case CSV_HEADER -> "the first line must name the columns: question, answer, tags (id and language optional)";
            case UNREADABLE_CSV -> "not a readable CSV file: " + arg(0);
            case INVALID_JSON -> "not valid JSON: " + arg(0) + " (line " + arg(1) + ")";
            case NOT_AN_ARTICLE_LIST -> "expected an array of articles, or an object with \"articles\"";
            case MISSING_TITLE -> "missing title (question)";
            case MISSING_BODY -> "missing body (answer)";
            case BODY_TOO_LARGE -> "the body is over " + arg(0) + " KB";
            case MULTILINE_TITLE -> "the title is more than one line";
            case BAD_STATUS -> "status \"" + arg(0) + "\" is not one of DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED";
            case NOT_A_STRING_LIST -> "\"" + arg(0) + "\" must be a list of strings";
            case TOO_MANY_FILES -> "more than " + arg(0) + " files in the bundle";
            case UNREADABLE_ZIP -> "not a readable zip file: " + arg(0);
            case NO_MANIFEST -> "no " + arg(0) + ": this is not a Tandem knowledge-base bundle";
            case MANIFEST_NOT_JSON -> arg(0) + " is not valid JSON: " + arg(1);
            case MANIFEST_NOT_TEXT -> arg(0) + " is not valid JSON: it is binary or not UTF-8 text";
            case BAD_BUNDLE_FORMAT -> arg(0) + " is not a " + arg(1) + " of version " + arg(2) + " or older";
            case MISSING_FROM_BUNDLE -> "listed in the manifest but missing from the bundle";
            case HASH_MISMATCH -> "its sha256 does not match the manifest: the file was changed or damaged";
            case UNKNOWN_MANIFEST_STATUS -> "unknown status \"" + arg(0) + "\" in the manifest";
            case ID_DIFFERS -> "the file's id \"" + arg(0) + "\" differs from the manifest's \"" + arg(1) + "\"";
            case NOT_IN_MANIFEST -> "not listed in the manifest";
            case NO_BUNDLED_KB -> "no knowledge base is bundled with this build";
            case TOO_DEEP -> "the article \"" + arg(0) + "\" nests block quotes, lists, emphasis or links more than " + arg(2)
                    + " deep on line " + arg(1) + " of its body";
            case BUNDLE_TOO_LARGE -> "the bundle unpacks to more than " + arg(0) + " MB, the most one import may hold";
            case PACKED_TOO_TIGHTLY -> "unpacks to more than " + arg(0) + " times its packed size, as only a damaged or"
                    + " deliberately harmful bundle does";
            case UNSAFE_ENTRY_NAME -> "an absolute path or one that climbs out with \"..\": not a name a bundle may hold";
            case DUPLICATE_ENTRY -> "the bundle holds two files of this name";
            case FOLDER_TOO_MANY_FILES -> "the folder holds more than " + arg(0) + " .md files, the most one import may hold";
            case FOLDER_TOO_LARGE -> "the folder's .md files add up to more than " + arg(0) + " MB, the most one import may hold";
            case TOO_MANY_ARTICLES -> "more than " + arg(0) + " articles in one file, the most one import may hold;"
                    + " split it into several files";
            case FRONT_MATTER_TOO_LONG -> "the front matter is longer than " + arg(0) + " lines or " + arg(1) + " KB, the most it may be";
            case VALUE_TOO_LONG -> "the article \"" + arg(0) + "\" has " + arg(3) + " characters in its " + arg(1) + " (line "
                    + arg(2) + "); the limit is " + arg(4);
            case FIELD_TOO_LONG -> "the article \"" + arg(0) + "\" has " + arg(2) + " characters in its " + arg(1)
                    + "; the limit is " + arg(3);
            case LIST_TOO_LONG -> "\"" + arg(0) + "\" lists more than " + arg(1) + " entries, the most an article may have";
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
