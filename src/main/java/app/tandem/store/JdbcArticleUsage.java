package app.tandem.store;

import app.tandem.kb.curation.ArticleUsage;
import app.tandem.kb.curation.ArticleUsageRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

public final class JdbcArticleUsage implements ArticleUsageRepository {

    private final Jdbc jdbc;

    public JdbcArticleUsage(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Map<String, ArticleUsage> usageByArticle() {
        return jdbc.query("SELECT source_ref, COUNT(*) AS shown, "
                        + "SUM(CASE WHEN action IN ('ACCEPTED', 'EDITED') THEN 1 ELSE 0 END) AS inserted, "
                        + "SUM(CASE WHEN action = 'ACCEPTED' THEN 1 ELSE 0 END) AS accepted, "
                        + "MAX(CASE WHEN action IN ('ACCEPTED', 'EDITED') THEN action_at END) AS last_used "
                        + "FROM suggestions WHERE source = 'ARTICLE' GROUP BY source_ref",
                rs -> {
                    Instant last = Jdbc.instant(rs, "last_used");
                    return new ArticleUsage(rs.getString("source_ref"), rs.getLong("shown"), rs.getLong("inserted"),
                            rs.getLong("accepted"), Optional.ofNullable(last));
                }).stream().collect(Collectors.toMap(ArticleUsage::articleId, Function.identity()));
    }
}
