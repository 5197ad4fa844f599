package app.tandem.store;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleRepository;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.StaleArticleException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcArticleRepository implements ArticleRepository {

    private final Jdbc jdbc;
    private final Clock clock;

    public JdbcArticleRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    @Override
    public Article save(Article article, int expectedVersion, String author) {
        return jdbc.inTransaction("save the article", c -> {
            Optional<Integer> current = Jdbc.query(c, "SELECT version FROM articles WHERE id = ? FOR UPDATE",
                    rs -> rs.getInt(1), article.id()).stream().findFirst();
            int actual = current.orElse(0);
            if (actual != expectedVersion) {
                throw new StaleArticleException(article.id(), expectedVersion, actual);
            }
            Article saved = new Article(article.id(), article.title(), article.language(), article.status(), article.tags(),
                    article.intents(), article.translationOf(), article.body(), actual + 1, clock.instant(), author);
            if (current.isPresent()) {
                Jdbc.update(c, "UPDATE articles SET title = ?, language = ?, status = ?, tags = ?, intents = ?, translation_of = ?, "
                                + "body = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                        saved.title(), saved.language(), saved.status(), join(saved.tags()), join(saved.intents()),
                        saved.translationOf().orElse(null), saved.body(), saved.version(), saved.updatedAt(), author, saved.id());
            } else {
                insertArticle(c, saved);
            }
            insertVersion(c, saved);
            return saved;
        });
    }

    @Override
    public void insertAll(List<Article> articles, String author) {
        Instant now = clock.instant();
        jdbc.inTransaction("store the knowledge base", c -> {
            for (Article a : articles) {
                Article first = new Article(a.id(), a.title(), a.language(), a.status(), a.tags(), a.intents(),
                        a.translationOf(), a.body(), 1, now, author);
                insertArticle(c, first);
                insertVersion(c, first);
            }
            return null;
        });
    }

    @Override
    public Optional<Article> find(String id) {
        return jdbc.queryOne("SELECT * FROM articles WHERE id = ?", JdbcArticleRepository::article, id);
    }

    @Override
    public List<Article> all() {
        return jdbc.query("SELECT * FROM articles ORDER BY language, title", JdbcArticleRepository::article);
    }

    @Override
    public long count() {
        return jdbc.queryOne("SELECT COUNT(*) FROM articles", rs -> rs.getLong(1)).orElse(0L);
    }

    private static void insertArticle(Connection c, Article a) throws SQLException {
        Jdbc.update(c, "INSERT INTO articles (id, title, language, status, tags, intents, translation_of, body, version, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.title(), a.language(), a.status(), join(a.tags()), join(a.intents()), a.translationOf().orElse(null),
                a.body(), a.version(), a.updatedAt(), a.updatedBy());
    }

    private static void insertVersion(Connection c, Article a) throws SQLException {
        Jdbc.update(c, "INSERT INTO article_versions (article_id, version, title, status, tags, intents, body, author, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.version(), a.title(), a.status(), join(a.tags()), join(a.intents()), a.body(), a.updatedBy(), a.updatedAt());
    }

    private static Article article(ResultSet rs) throws SQLException {
        return new Article(rs.getString("id"), rs.getString("title"), rs.getString("language"),
                ArticleStatus.valueOf(rs.getString("status")), split(rs.getString("tags")), split(rs.getString("intents")),
                Optional.ofNullable(rs.getString("translation_of")), rs.getString("body"), rs.getInt("version"),
                Jdbc.instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static String join(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split("\n"));
    }
}
