package app.tandem.ui.kb;

import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.editor.CurationServices;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** The view models of the knowledge-base editor beyond the list and reader; only for people who curate. */
public record KbEditorModels(ArticleHistoryViewModel history, KbTransferViewModel transfer, KbGapsViewModel gaps) {

    public static Optional<KbEditorModels> create(CurationServices c, KnowledgeBase knowledgeBase, ExecutorService io,
                                                  ExecutorService inference, User user, TaskExecutor tasks, Texts texts,
                                                  KnowledgeBaseViewModel kb) {
        if (c == null || !user.mayEditKnowledgeBase()) {
            return Optional.empty();
        }
        return Optional.of(new KbEditorModels(
                new ArticleHistoryViewModel(c.curation(), user, tasks, io, texts, saved -> kb.open(saved.id())),
                new KbTransferViewModel(c.transfer(), user, tasks, io, texts, kb::search),
                new KbGapsViewModel(knowledgeBase, c.gaps(), c.duplicates(), tasks, inference, texts)));
    }
}
