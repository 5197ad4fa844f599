package app.tandem.kb.curation;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import java.time.Instant;
import java.util.List;

/** One saved version of an article, as kept in its history: who saved what, when. */
public record ArticleVersion(String articleId, int version, String title, ArticleStatus status, List<String> tags,
                             List<String> intents, String body, String author, Instant createdAt) {

    public ArticleVersion {
        tags = List.copyOf(tags);
        intents = List.copyOf(intents);
    }

    /** This version's content on the current article's identity (language and translation are not versioned). */
    public Article asArticle(Article current) {
        return new Article(articleId, title, current.language(), status, tags, intents, current.translationOf(), body,
                version, createdAt, author);
    }
}
