package app.tandem.kb;

/** Where an article stands in the editorial workflow. Agents see only published articles. */
public enum ArticleStatus {
    DRAFT,
    IN_REVIEW,
    PUBLISHED,
    ARCHIVED
}
