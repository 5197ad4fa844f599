package app.tandem.kb.curation;

import java.util.Map;

/** Reads article usage from the log of suggestions shown to agents. */
public interface ArticleUsageRepository {

    /** Usage of every article that was ever suggested, by article id. */
    Map<String, ArticleUsage> usageByArticle();
}
