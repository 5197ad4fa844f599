package app.tandem.kb.curation;

import static app.tandem.kb.KbFixture.AGENT;
import static app.tandem.kb.KbFixture.SUPERVISOR;
import static app.tandem.kb.KbFixture.SUPERVISOR_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.assist.SuggestionAction;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KbFixture;
import app.tandem.kb.SearchFilter;
import app.tandem.kb.StaleArticleException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurationIntegrationTest {

    @TempDir
    Path folder;
    private KbFixture f;

    @BeforeEach
    void open() {
        f = new KbFixture(folder, true);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Article article(String id) {
        return f.kb.find(id).orElseThrow();
    }

    @Test
    void everySaveIsAVersionWithAuthorAndDiffsAndRestoreMakeANewVersion() {
        Article v1 = article("card-delivery-en");
        Article v2 = f.curation.save(SUPERVISOR, v1.withContent(v1.title(), v1.body() + "\n\nNew paragraph about couriers.",
                v1.tags(), ArticleStatus.PUBLISHED), 1);
        Article v3 = f.curation.save(SUPERVISOR_2, v2.withContent("Card delivery times", v2.body(), v2.tags(),
                ArticleStatus.PUBLISHED), 2);

        List<ArticleVersion> versions = f.curation.versions(v1.id());
        assertEquals(List.of(3, 2, 1), versions.stream().map(ArticleVersion::version).toList());
        assertEquals(List.of("sam", "sue", "seed"), versions.stream().map(ArticleVersion::author).toList());
        assertTrue(versions.stream().allMatch(v -> v.createdAt() != null));

        List<DiffLine> diff12 = f.curation.diff(v1.id(), 1, 2);
        assertEquals(List.of(new DiffLine(DiffLine.Kind.ADDED, ""), new DiffLine(DiffLine.Kind.ADDED, "New paragraph about couriers.")),
                diff12.stream().filter(l -> l.kind() != DiffLine.Kind.SAME).toList());
        List<DiffLine> diff13 = f.curation.diff(v1.id(), 1, 3);
        assertTrue(diff13.contains(new DiffLine(DiffLine.Kind.REMOVED, "title: " + v1.title())), diff13.toString());
        assertTrue(diff13.contains(new DiffLine(DiffLine.Kind.ADDED, "title: Card delivery times")));
        assertFalse(ArticleDiff.changed(f.curation.diff(v1.id(), 2, 2)));

        Article restored = f.curation.restore(SUPERVISOR, v1.id(), 1, v3.version());
        assertEquals(4, restored.version());
        assertEquals(v1.title(), restored.title());
        assertEquals(v1.body(), restored.body());
        assertEquals(4, f.curation.versions(v1.id()).size(), "history is never rewritten");
        assertTrue(f.audit.latest(20).stream().anyMatch(e -> e.action().equals("kb.restore") && e.target().equals(v1.id())));
        assertTrue(f.audit.latest(20).stream().anyMatch(e -> e.action().equals("kb.publish") && e.detail().equals("version 3")));
    }

    @Test
    void onlySupervisorsPublishOrArchiveOrRestore() {
        Article a = article("pin-blocked-en");
        assertThrows(NotPermittedException.class, () -> f.curation.save(AGENT, a, a.version()));
        assertThrows(NotPermittedException.class, () -> f.curation.save(AGENT,
                a.withContent(a.title(), a.body(), a.tags(), ArticleStatus.ARCHIVED), a.version()));
        assertThrows(NotPermittedException.class, () -> f.curation.restore(AGENT, a.id(), 1, a.version()));
        Article review = f.curation.save(AGENT, a.withContent(a.title(), a.body(), a.tags(), ArticleStatus.IN_REVIEW), 1);
        assertEquals(ArticleStatus.IN_REVIEW, review.status());
        assertTrue(f.kb.search("PIN blocked", SearchFilter.publishedOnly(), 10).stream()
                .noneMatch(h -> h.articleId().equals(a.id())), "agents see published articles only");
        Article archived = f.curation.save(SUPERVISOR, review.withContent(a.title(), a.body(), a.tags(), ArticleStatus.ARCHIVED), 2);
        assertEquals(ArticleStatus.ARCHIVED, archived.status());
        assertTrue(f.audit.latest(10).stream().anyMatch(e -> e.action().equals("kb.archive")));
    }

    @Test
    void aPublishedEditIsSearchableAtOnce() {
        Article a = article("card-delivery-en");
        f.curation.save(SUPERVISOR, a.withContent(a.title(), a.body() + "\n\nZebracourier parcels are tracked hourly.",
                a.tags(), ArticleStatus.PUBLISHED), a.version());
        // KnowledgeBase.save waits for the near-real-time reopen: no sleep, no retry.
        assertEquals("card-delivery-en", f.kb.search("zebracourier", SearchFilter.publishedOnly(), 3).get(0).articleId());
    }

    @Test
    void newArticleGetsASlugIdAndIsValidated() {
        Article fresh = f.curation.newArticle(SUPERVISOR, "  Can I pay my rent by card? ", "en", Optional.empty());
        assertEquals("can-i-pay-my-rent-by-card-en", fresh.id());
        assertEquals(0, fresh.version());
        assertThrows(IllegalArgumentException.class, () -> f.curation.save(SUPERVISOR, fresh, 0), "no body yet");
        Article saved = f.curation.save(SUPERVISOR, fresh.withContent(fresh.title(), "Yes, up to the card limit.", List.of("cards"),
                ArticleStatus.DRAFT), 0);
        assertEquals(1, saved.version());
        assertThrows(IllegalArgumentException.class, () -> f.curation.newArticle(SUPERVISOR, "Can I pay my rent by card?", "en",
                Optional.empty()), "the id exists");
        assertThrows(IllegalArgumentException.class, () -> f.curation.newArticle(SUPERVISOR, " ", "en", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> f.curation.newArticle(SUPERVISOR, "Hello", "fr", Optional.empty()));
        String zh = f.curation.newArticle(SUPERVISOR, "如何更改密码", "zh", Optional.of("pin-find-and-change-en")).id();
        assertTrue(zh.matches("article-[0-9a-f]{8}-zh"), zh);
    }

    @Test
    void draftsAreAutosavedPerPersonAndDroppedOnSave() {
        Article a = article("transfer-fee-en");
        Article typing = a.withContent("Half-typed title", a.body() + " more", a.tags(), a.status());
        f.curation.saveDraft(SUPERVISOR, typing, a.version());

        ArticleDraft draft = f.curation.draft(SUPERVISOR, a.id()).orElseThrow();
        assertEquals("Half-typed title", draft.content().title());
        assertEquals(a.body() + " more", draft.content().body());
        assertEquals(a.version(), draft.baseVersion());
        assertTrue(f.curation.draft(SUPERVISOR_2, a.id()).isEmpty(), "drafts are per person");
        assertEquals(1, article(a.id()).version(), "a draft is not a version");
        assertEquals("transfer-fee-en", f.curation.drafts(SUPERVISOR).get(0).articleId());

        f.curation.saveDraft(SUPERVISOR, typing.withContent("Typed more", typing.body(), typing.tags(), typing.status()), 1);
        assertEquals("Typed more", f.curation.draft(SUPERVISOR, a.id()).orElseThrow().content().title(), "replaced, not added");
        assertEquals(1, f.curation.drafts(SUPERVISOR).size());

        f.curation.save(SUPERVISOR, draft.content(), 1);
        assertTrue(f.curation.draft(SUPERVISOR, a.id()).isEmpty());
    }

    @Test
    void twoSupervisorsEditingTheSameArticleLoseNothing() {
        Article a = article("top-up-limits-en");
        f.curation.save(SUPERVISOR_2, a.withContent(a.title() + " (theirs)", a.body(), a.tags(), a.status()), 1);
        Article mine = a.withContent(a.title() + " (mine)", a.body(), a.tags(), a.status());
        assertThrows(StaleArticleException.class, () -> f.curation.save(SUPERVISOR, mine, 1));
        // Keep mine: save over theirs, knowingly, from their version.
        Article kept = f.curation.save(SUPERVISOR, mine, article(a.id()).version());
        assertEquals(3, kept.version());
        assertTrue(f.curation.versions(a.id()).stream().anyMatch(v -> v.title().endsWith("(theirs)")), "theirs stays in the history");
    }

    @Test
    void usageCountsComeFromTheSuggestionLog() {
        f.ask("my card has not arrived", "card-delivery-en", 0.9, SuggestionAction.ACCEPTED);
        f.ask("where is my card", "card-delivery-en", 0.8, SuggestionAction.EDITED);
        f.ask("card still not here", "card-delivery-en", 0.7, SuggestionAction.REJECTED);
        f.ask("card?", "card-delivery-en", 0.7, null);
        f.ask("pin blocked", "pin-blocked-en", 0.7, SuggestionAction.IGNORED);

        ArticleUsage card = f.curation.usage("card-delivery-en");
        assertEquals(4, card.shown());
        assertEquals(2, card.inserted());
        assertEquals(1, card.acceptedAsIs());
        assertTrue(card.lastUsed().isPresent());
        ArticleUsage pin = f.curation.usage("pin-blocked-en");
        assertEquals(1, pin.shown());
        assertEquals(0, pin.inserted());
        assertTrue(pin.lastUsed().isEmpty());
        assertEquals(ArticleUsage.none("transfer-fee-en"), f.curation.usage("transfer-fee-en"));
    }
}
