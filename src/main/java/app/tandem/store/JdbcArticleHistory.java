package app.tandem.store;

import app.tandem.kb.Article;
import app.tandem.kb.curation.ArticleHistory;
import app.tandem.kb.curation.ArticleVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcArticleHistory implements ArticleHistory {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcArticleHistory(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public List<ArticleVersion> versions(String articleId) {
        return jdbc.query("SELECT * FROM article_versions WHERE article_id = ? ORDER BY version DESC",
                JdbcArticleHistory::version, articleId);
    }

    @Override
    public Optional<ArticleVersion> version(String articleId, int version) {
        return jdbc.queryOne("SELECT * FROM article_versions WHERE article_id = ? AND version = ?",
                JdbcArticleHistory::version, articleId, version);
    }

    @Override
    public List<Article> saveAll(List<Article> articles, String author) {
        Instant now = clock.instant();
        return jdbc.inTransaction("store the imported articles", c -> {
            List<Article> saved = new ArrayList<>();
            for (Article a : articles) {
                Optional<Integer> current = Jdbc.query(c, "SELECT version FROM articles WHERE id = ? FOR UPDATE",
                        rs -> rs.getInt(1), a.id()).stream().findFirst();
                Article next = new Article(a.id(), a.title(), a.language(), a.status(), a.tags(), a.intents(),
                        a.translationOf(), a.body(), current.orElse(0) + 1, now, author);
                if (current.isPresent()) {
                    Jdbc.update(c, "UPDATE articles SET title = ?, language = ?, status = ?, tags = ?, intents = ?, translation_of = ?, "
                                    + "body = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                            next.title(), next.language(), next.status(), JdbcArticleRepository.join(next.tags()),
                            JdbcArticleRepository.join(next.intents()), next.translationOf().orElse(null), next.body(),
                            next.version(), now, author, next.id());
                } else {
                    JdbcArticleRepository.insertArticle(c, next);
                }
                JdbcArticleRepository.insertVersion(c, next);
                KbChangeLog.record(c, next.id(), now);
                saved.add(next);
            }
            return saved;
        });
    }

    private static ArticleVersion version(ResultSet rs) throws SQLException {
        return new ArticleVersion(rs.getString("article_id"), rs.getInt("version"), rs.getString("title"),
                JdbcArticleRepository.status(rs.getString("status")), JdbcArticleRepository.split(rs.getString("tags")),
                JdbcArticleRepository.split(rs.getString("intents")), rs.getString("body"), rs.getString("author"),
                Jdbc.instant(rs, "created_at"));
    }
}
