package app.tandem.kb;

/**
 * A knowledge-base file that cannot be read as an article. {@link #problem()} is the reason as data,
 * for the desk to word; the message is its English, for logs and the command line.
 */
public final class ArticleFormatException extends IllegalArgumentException {

    private final transient ArticleProblem problem;

    public ArticleFormatException(ArticleProblem problem) {
        super(problem.english());
        this.problem = problem;
    }

    public ArticleFormatException(ArticleProblem.Kind kind, Object... args) {
        this(ArticleProblem.of(kind, args));
    }

    public ArticleProblem problem() {
        return problem;
    }
}
