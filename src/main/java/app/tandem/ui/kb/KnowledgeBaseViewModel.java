package app.tandem.ui.kb;

import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.editor.CurationServices;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The Knowledge base tab's view models, wired together: the {@linkplain ArticleListViewModel list}, the
 * {@linkplain ArticleEditorViewModel open article} (reader and editor) and its
 * {@linkplain LearnedQuestionsViewModel learned questions}. Opening an article loads its questions; a save
 * lists the new version. The window talks to this one; each part takes only what it uses.
 */
public final class KnowledgeBaseViewModel {

    private final User user;
    private final ArticleListViewModel list;
    private final LearnedQuestionsViewModel questions;
    private final ArticleEditorViewModel editor;

    public KnowledgeBaseViewModel(KnowledgeBase kb, User user, TaskExecutor tasks, Executor io, Texts texts) {
        this(kb, Optional.empty(), user, tasks, io, texts);
    }

    public KnowledgeBaseViewModel(KnowledgeBase kb, Optional<CurationServices> curation, User user, TaskExecutor tasks,
                                  Executor io, Texts texts) {
        this(ArticleCatalogue.of(kb, curation.map(CurationServices::curation)),
                ArticleEditing.of(kb, curation.map(CurationServices::curation)),
                LearnedQuestionsViewModel.LearnedQuestions.of(kb), user, tasks, io, texts);
    }

    KnowledgeBaseViewModel(ArticleCatalogue catalogue, ArticleEditing articles, LearnedQuestionsViewModel.LearnedQuestions learned,
                           User user, TaskExecutor tasks, Executor io, Texts texts) {
        this.user = user;
        this.list = new ArticleListViewModel(catalogue, user, tasks, io, texts);
        this.questions = new LearnedQuestionsViewModel(learned, user, tasks, io, texts);
        this.editor = new ArticleEditorViewModel(articles, user, tasks, io, texts, a -> questions.load(a.id()), list::refresh);
    }

    public ArticleListViewModel list() {
        return list;
    }

    public ArticleEditorViewModel editor() {
        return editor;
    }

    public LearnedQuestionsViewModel questions() {
        return questions;
    }

    /** Lists what matches the list's query and filters. */
    public void search() {
        list.search();
    }

    /** Opens an article in the reader and editor. */
    public void open(String articleId) {
        editor.open(articleId);
    }

    /** Starts a new article in the editor (a gap's suggestion, or the New dialog). */
    public void newArticle(String title, String language, String body) {
        editor.newArticle(title, language, body);
    }

    /** Keeps what was typed in the editor as a draft (the window calls this when it closes). */
    public void autosave() {
        editor.autosave();
    }

    /** Whether the person may edit articles: the editor, history and learned questions are shown. */
    public boolean canEdit() {
        return user.mayEditKnowledgeBase();
    }
}
