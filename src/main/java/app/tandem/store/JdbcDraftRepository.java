package app.tandem.store;

import app.tandem.kb.Article;
import app.tandem.kb.curation.ArticleDraft;
import app.tandem.kb.curation.DraftRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

public final class JdbcDraftRepository implements DraftRepository {

    private final Jdbc jdbc;

    public JdbcDraftRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void save(ArticleDraft draft) {
        Article a = draft.content();
        jdbc.inTransaction("save the draft", c -> {
            Jdbc.upsert(c, "article_drafts", List.of("article_id", "username"),
                    List.of("title", "language", "status", "tags", "intents", "translation_of", "body", "base_version", "saved_at"),
                    a.id(), draft.username(), a.title(), a.language(), a.status(), JdbcArticleRepository.join(a.tags()),
                    JdbcArticleRepository.join(a.intents()), a.translationOf().orElse(null), a.body(), draft.baseVersion(),
                    draft.savedAt());
            return null;
        });
    }

    @Override
    public Optional<ArticleDraft> find(String articleId, String username) {
        return jdbc.queryOne("SELECT * FROM article_drafts WHERE article_id = ? AND username = ?",
                JdbcDraftRepository::draft, articleId, username);
    }

    @Override
    public List<ArticleDraft> forUser(String username) {
        return jdbc.query("SELECT * FROM article_drafts WHERE username = ? ORDER BY saved_at DESC",
                JdbcDraftRepository::draft, username);
    }

    @Override
    public void delete(String articleId, String username) {
        jdbc.update("DELETE FROM article_drafts WHERE article_id = ? AND username = ?", articleId, username);
    }

    private static ArticleDraft draft(ResultSet rs) throws SQLException {
        Article content = new Article(rs.getString("article_id"), rs.getString("title"), rs.getString("language"),
                JdbcArticleRepository.status(rs.getString("status")), JdbcArticleRepository.split(rs.getString("tags")),
                JdbcArticleRepository.split(rs.getString("intents")), Optional.ofNullable(rs.getString("translation_of")),
                rs.getString("body"), rs.getInt("base_version"), Jdbc.instant(rs, "saved_at"), rs.getString("username"));
        return new ArticleDraft(rs.getString("username"), content, rs.getInt("base_version"), Jdbc.instant(rs, "saved_at"));
    }
}
