package app.tandem.store;

import app.tandem.kb.AlternateQuestion;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleRepository;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KbChange;
import app.tandem.kb.StaleArticleException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public final class JdbcArticleRepository implements ArticleRepository {

    private static final Logger log = LoggerFactory.getLogger(JdbcArticleRepository.class);

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
            KbChangeLog.record(c, saved.id(), saved.updatedAt());
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
                KbChangeLog.record(c, first.id(), now);
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

    @Override
    public Optional<AlternateQuestion> addQuestion(String articleId, String text, OptionalLong conversationId, String actor) {
        return jdbc.inTransaction("store the question", c -> {
            boolean exists = !Jdbc.query(c, "SELECT 1 FROM article_questions WHERE article_id = ? AND question = ?",
                    rs -> 1, articleId, text).isEmpty();
            if (exists) {
                return Optional.empty();
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            long id = Jdbc.insert(c, "INSERT INTO article_questions (article_id, question, conversation_id, created_at, created_by) "
                            + "VALUES (?, ?, ?, ?, ?)", articleId, text,
                    conversationId.isPresent() ? conversationId.getAsLong() : null, now, actor);
            KbChangeLog.record(c, articleId, now);
            return Optional.of(new AlternateQuestion(id, articleId, text, conversationId, now, actor));
        });
    }

    @Override
    public List<AlternateQuestion> questions(String articleId) {
        return jdbc.query("SELECT * FROM article_questions WHERE article_id = ? ORDER BY id",
                JdbcArticleRepository::question, articleId);
    }

    @Override
    public List<AlternateQuestion> allQuestions() {
        return jdbc.query("SELECT * FROM article_questions ORDER BY article_id, id", JdbcArticleRepository::question);
    }

    @Override
    public Optional<String> removeQuestion(long questionId) {
        return jdbc.inTransaction("remove the question", c -> {
            Optional<String> article = Jdbc.query(c, "SELECT article_id FROM article_questions WHERE id = ?",
                    rs -> rs.getString(1), questionId).stream().findFirst();
            Jdbc.update(c, "DELETE FROM article_questions WHERE id = ?", questionId);
            if (article.isPresent()) {
                KbChangeLog.record(c, article.get(), clock.instant());
            }
            return article;
        });
    }

    @Override
    public long lastChange() {
        return jdbc.queryOne("SELECT COALESCE(MAX(seq), 0) FROM kb_change", rs -> rs.getLong(1)).orElse(0L);
    }

    @Override
    public Set<String> changedSince(long change) {
        return new HashSet<>(jdbc.query("SELECT DISTINCT article_id FROM kb_change WHERE seq > ?", rs -> rs.getString(1),
                change));
    }

    @Override
    public List<KbChange> changesSince(long change) {
        return jdbc.query("SELECT seq, article_id FROM kb_change WHERE seq > ? ORDER BY seq",
                rs -> new KbChange(rs.getLong(1), rs.getString(2)), change);
    }

    @Override
    public Map<String, Integer> versions() {
        return jdbc.query("SELECT id, version FROM articles", rs -> Map.entry(rs.getString(1), rs.getInt(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * A stored status this Tandem does not know (written by a newer one, or by hand) reads as a draft: kept and
     * editable, never shown to agents, and one such row does not stop every article from being read.
     */
    static ArticleStatus status(String stored) {
        try {
            return ArticleStatus.valueOf(stored);
        } catch (IllegalArgumentException | NullPointerException e) {
            log.warn("An article has the status \"{}\", which this Tandem does not know; it is read as a draft", stored);
            return ArticleStatus.DRAFT;
        }
    }

    private static AlternateQuestion question(ResultSet rs) throws SQLException {
        long conversation = rs.getLong("conversation_id");
        OptionalLong conversationId = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(conversation);
        return new AlternateQuestion(rs.getLong("id"), rs.getString("article_id"), rs.getString("question"), conversationId,
                Jdbc.instant(rs, "created_at"), rs.getString("created_by"));
    }

    static void insertArticle(Connection c, Article a) throws SQLException {
        Jdbc.update(c, "INSERT INTO articles (id, title, language, status, tags, intents, translation_of, body, version, updated_at, updated_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.title(), a.language(), a.status(), join(a.tags()), join(a.intents()), a.translationOf().orElse(null),
                a.body(), a.version(), a.updatedAt(), a.updatedBy());
    }

    static void insertVersion(Connection c, Article a) throws SQLException {
        Jdbc.update(c, "INSERT INTO article_versions (article_id, version, title, status, tags, intents, body, author, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.id(), a.version(), a.title(), a.status(), join(a.tags()), join(a.intents()), a.body(), a.updatedBy(), a.updatedAt());
    }

    private static Article article(ResultSet rs) throws SQLException {
        return new Article(rs.getString("id"), rs.getString("title"), rs.getString("language"),
                status(rs.getString("status")), split(rs.getString("tags")), split(rs.getString("intents")),
                Optional.ofNullable(rs.getString("translation_of")), rs.getString("body"), rs.getInt("version"),
                Jdbc.instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    static String join(List<String> values) {
        return String.join("\n", values);
    }

    static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split("\n"));
    }
}
