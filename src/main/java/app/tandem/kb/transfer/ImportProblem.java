package app.tandem.kb.transfer;

import app.tandem.kb.ArticleProblem;

/**
 * One file (or row) of an import that cannot be read, and why: {@code problem} is data the desk words in
 * its language, {@link #reason()} the English for the command line and logs.
 */
public record ImportProblem(String file, ArticleProblem problem) {

    public ImportProblem(String file, ArticleProblem.Kind kind, Object... args) {
        this(file, ArticleProblem.of(kind, args));
    }

    public String reason() {
        return problem.english();
    }
}
