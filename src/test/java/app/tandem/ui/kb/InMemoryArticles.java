package app.tandem.ui.kb;

import app.tandem.kb.AlternateQuestion;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.SearchFilter;
import app.tandem.kb.Snippet;
import app.tandem.kb.StaleArticleException;
import app.tandem.kb.curation.ArticleDraft;
import app.tandem.kb.curation.ArticleUsage;
import app.tandem.security.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Articles, drafts, usage and learned questions in maps: what the list, the editor and the questions
 * ask for, without H2 or Lucene. A search finds the articles whose title or body contains the text, in
 * the order {@link #hitOrder} says when set.
 */
final class InMemoryArticles implements ArticleCatalogue, ArticleEditing, LearnedQuestionsViewModel.LearnedQuestions {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    final Map<String, Article> articles = new LinkedHashMap<>();
    final Map<String, ArticleDraft> drafts = new HashMap<>();
    final Map<String, ArticleUsage> usage = new HashMap<>();
    final List<AlternateQuestion> questions = new ArrayList<>();
    final List<String> searches = new ArrayList<>();
    List<String> hitOrder = List.of();
    boolean curates = true;
    RuntimeException failNextSave;

    static Article article(String id, String title, String language, ArticleStatus status, String... tags) {
        return new Article(id, title, language, status, List.of(tags), List.of(), Optional.empty(), title + " body.", 1,
                T0, "sue");
    }

    InMemoryArticles with(Article... stored) {
        for (Article a : stored) {
            articles.put(a.id(), a);
        }
        return this;
    }

    @Override
    public boolean curates() {
        return curates;
    }

    @Override
    public List<Article> all() {
        return List.copyOf(articles.values());
    }

    @Override
    public List<ArticleHit> search(String text, SearchFilter filter, int limit) {
        searches.add(text + "@" + limit);
        String t = text.toLowerCase(Locale.ROOT);
        List<Article> found = new ArrayList<>(articles.values().stream()
                .filter(a -> (a.title() + " " + a.body()).toLowerCase(Locale.ROOT).contains(t)).toList());
        found.sort((a, b) -> Integer.compare(rank(a.id()), rank(b.id())));
        List<ArticleHit> hits = new ArrayList<>();
        for (Article a : found) {
            // Two passages of one article: the list shows it once.
            for (int passage = 0; passage < 2; passage++) {
                hits.add(new ArticleHit(a.id(), a.version(), a.title(), a.language(), passage, a.body(), Snippet.plain(a.body()),
                        1.0 / (1 + hits.size()), Double.NaN, Optional.empty()));
            }
        }
        return hits.stream().limit(limit).toList();
    }

    private int rank(String id) {
        int i = hitOrder.indexOf(id);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    @Override
    public Map<String, ArticleUsage> usage() {
        return Map.copyOf(usage);
    }

    @Override
    public List<ArticleDraft> drafts(User user) {
        return drafts.values().stream().filter(d -> d.username().equals(user.username())).toList();
    }

    @Override
    public Optional<Article> find(String articleId) {
        return Optional.ofNullable(articles.get(articleId));
    }

    @Override
    public Optional<ArticleDraft> draft(User user, String articleId) {
        return Optional.ofNullable(drafts.get(user.username() + "/" + articleId));
    }

    @Override
    public ArticleUsage usage(String articleId) {
        return usage.getOrDefault(articleId, ArticleUsage.none(articleId));
    }

    @Override
    public ArticleDraft saveDraft(User user, Article content, int baseVersion) {
        ArticleDraft d = new ArticleDraft(user.username(), content, baseVersion, T0.plusSeconds(60));
        drafts.put(user.username() + "/" + content.id(), d);
        return d;
    }

    @Override
    public void discardDraft(User user, String articleId) {
        drafts.remove(user.username() + "/" + articleId);
    }

    @Override
    public Article newArticle(User user, String title, String language, Optional<String> translationOf) {
        String id = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + language;
        if (articles.containsKey(id)) {
            throw new IllegalArgumentException("exists: " + id);
        }
        return new Article(id, title, language, ArticleStatus.DRAFT, List.of(), List.of(), translationOf, "", 0, T0,
                user.username());
    }

    @Override
    public Article save(User user, Article edited, int expectedVersion) {
        if (failNextSave != null) {
            RuntimeException e = failNextSave;
            failNextSave = null;
            throw e;
        }
        Article now = articles.get(edited.id());
        int actual = now == null ? 0 : now.version();
        if (actual != expectedVersion) {
            throw new StaleArticleException(edited.id(), expectedVersion, actual);
        }
        Article saved = new Article(edited.id(), edited.title(), edited.language(), edited.status(), edited.tags(),
                edited.intents(), edited.translationOf(), edited.body(), actual + 1, T0.plusSeconds(3600L * (actual + 1)),
                user.username());
        articles.put(saved.id(), saved);
        drafts.remove(user.username() + "/" + saved.id());
        return saved;
    }

    /** Someone else saves a new version of {@code id} with {@code title}. */
    void savedByOthers(String id, String title) {
        Article a = articles.get(id);
        articles.put(id, new Article(id, title, a.language(), a.status(), a.tags(), a.intents(), a.translationOf(), a.body(),
                a.version() + 1, a.updatedAt().plusSeconds(60), "carol"));
    }

    AlternateQuestion learned(long id, String articleId, String text) {
        AlternateQuestion q = new AlternateQuestion(id, articleId, text, OptionalLong.empty(), T0, "learner");
        questions.add(q);
        return q;
    }

    @Override
    public List<AlternateQuestion> questions(String articleId) {
        return questions.stream().filter(q -> q.articleId().equals(articleId)).toList();
    }

    @Override
    public void removeQuestion(long questionId, String actor) {
        questions.removeIf(q -> q.id() == questionId);
    }
}
