package app.tandem.kb.transfer;

import app.tandem.kb.ArticleProblem;

/**
 * One file (or a row of a CSV file, an article of a JSON file) of an import that cannot be read, and why.
 * Both are data the desk words in its language; {@link #where()} and {@link #reason()} are the English
 * for the command line and logs ("faq.csv row 3", "missing title (question)").
 *
 * @param file   the file's name, or its path inside a bundle or folder
 * @param part   the whole file, or which kind of entry inside it
 * @param number the CSV row as a spreadsheet numbers it (the header is row 1), or the JSON article's number
 *               (1 = first), when {@code part} is not FILE, else 0
 */
public record ImportProblem(String file, Part part, long number, ArticleProblem problem) {

    /** Where in the file the problem is. */
    public enum Part { FILE, ROW, ARTICLE }

    public ImportProblem(String file, ArticleProblem problem) {
        this(file, Part.FILE, 0, problem);
    }

    public ImportProblem(String file, ArticleProblem.Kind kind, Object... args) {
        this(file, ArticleProblem.of(kind, args));
    }

    /** The file and, for a CSV row or a JSON article, which one, in English. */
    public String where() {
        return switch (part) {
            case FILE -> file;
            case ROW -> file + " row " + number;
            case ARTICLE -> file + " article " + number;
        };
    }

    public String reason() {
        return problem.english();
    }
}
