package app.tandem.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped knowledge base is well-formed: every file parses and every article has its translation. */
class BundledKnowledgeBaseTest {

    private final KbFolder.Contents kb = KbFolder.readBundled(Instant.now());

    @Test
    void everyFileParses() {
        assertEquals(java.util.List.of(), kb.problems());
        assertTrue(kb.articles().size() >= 40, "at least 20 bilingual articles, found " + kb.articles().size());
    }

    @Test
    void everyEnglishArticleHasAChineseTranslation() {
        Map<String, Article> byId = kb.articles().stream().collect(Collectors.toMap(Article::id, Function.identity()));
        Set<String> untranslated = new TreeSet<>();
        for (Article a : kb.articles()) {
            if (a.language().equals("en")) {
                String zh = a.id().replaceFirst("-en$", "-zh");
                Article twin = byId.get(zh);
                if (twin == null || !twin.translationOf().orElse("").equals(a.id()) || !twin.intents().equals(a.intents())) {
                    untranslated.add(a.id());
                }
            }
        }
        assertEquals(Set.of(), untranslated);
    }

    @Test
    void everyArticleSplitsIntoShortPassages() {
        for (Article a : kb.articles()) {
            var passages = Passages.of(a);
            assertTrue(passages.size() >= 2, a.id() + " has " + passages.size() + " passages");
        }
    }
}
