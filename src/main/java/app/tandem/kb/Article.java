package app.tandem.kb;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A knowledge-base article in one language. The body is CommonMark. Every saved change is a new
 * {@code version}; suggestions cite the version they came from.
 */
public record Article(
        String id,
        String title,
        String language,
        ArticleStatus status,
        List<String> tags,
        List<String> intents,
        Optional<String> translationOf,
        String body,
        int version,
        Instant updatedAt,
        String updatedBy) {

    public Article {
        tags = List.copyOf(tags);
        intents = List.copyOf(intents);
    }

    public boolean isPublished() {
        return status == ArticleStatus.PUBLISHED;
    }

    public Article withContent(String newTitle, String newBody, List<String> newTags, ArticleStatus newStatus) {
        return new Article(id, newTitle, language, newStatus, newTags, intents, translationOf, newBody, version, updatedAt, updatedBy);
    }
}
