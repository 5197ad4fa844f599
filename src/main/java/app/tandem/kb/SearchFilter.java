package app.tandem.kb;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Which articles a search may return. */
public record SearchFilter(Optional<String> language, Optional<String> tag, Set<ArticleStatus> statuses) {

    public SearchFilter {
        statuses = statuses.isEmpty() ? EnumSet.noneOf(ArticleStatus.class) : EnumSet.copyOf(statuses);
    }

    /** What agents may see: published articles in any language. */
    public static SearchFilter publishedOnly() {
        return new SearchFilter(Optional.empty(), Optional.empty(), EnumSet.of(ArticleStatus.PUBLISHED));
    }

    /** Everything, for supervisors curating the knowledge base. */
    public static SearchFilter everything() {
        return new SearchFilter(Optional.empty(), Optional.empty(), EnumSet.allOf(ArticleStatus.class));
    }

    public SearchFilter inLanguage(String lang) {
        return new SearchFilter(Optional.ofNullable(lang), tag, statuses);
    }

    public SearchFilter withTag(String t) {
        return new SearchFilter(language, Optional.ofNullable(t), statuses);
    }
}
