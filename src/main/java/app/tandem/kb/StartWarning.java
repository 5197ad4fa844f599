package app.tandem.kb;

import java.util.Optional;

/**
 * Something opening the knowledge base at start-up wants the person to know, as data: the desk says
 * it in the person's language, {@link #english()} says it for the command line and the log.
 *
 * @param file    SKIPPED_FILE: the bundled article file that was left out; ARTICLE_NOT_INDEXED: the article's id; else ""
 * @param problem SKIPPED_FILE: why it was left out
 */
public record StartWarning(Kind kind, String file, Optional<ArticleProblem> problem) {

    public enum Kind {
        /** A bundled article file could not be read and was not seeded; the other articles were. */
        SKIPPED_FILE,
        /** The search index was missing or damaged and was rebuilt from the database. */
        INDEX_REBUILT,
        /** An article could not be put in the search index: agents cannot find it until it is edited. */
        ARTICLE_NOT_INDEXED
    }

    public static StartWarning skipped(String file, ArticleProblem problem) {
        return new StartWarning(Kind.SKIPPED_FILE, file, Optional.of(problem));
    }

    public static StartWarning indexRebuilt() {
        return new StartWarning(Kind.INDEX_REBUILT, "", Optional.empty());
    }

    public static StartWarning notIndexed(String articleId) {
        return new StartWarning(Kind.ARTICLE_NOT_INDEXED, articleId, Optional.empty());
    }

    public String english() {
        return switch (kind) {
            case SKIPPED_FILE -> "Skipped " + file + ": " + problem.map(ArticleProblem::english).orElse("");
            case INDEX_REBUILT -> "The search index was rebuilt from the database.";
            case ARTICLE_NOT_INDEXED -> "The article " + file + " could not be added to the search index: agents will not find it"
                    + " until it is edited and saved again.";
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
