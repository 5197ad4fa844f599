package app.tandem.ui;

import app.tandem.kb.editor.CurationServices;
import app.tandem.security.User;
import java.util.Optional;

/** The view models of the knowledge-base editor beyond the list and reader; only for people who curate. */
public record KbEditorModels(ArticleHistoryViewModel history, KbTransferViewModel transfer, KbGapsViewModel gaps) {

    public static Optional<KbEditorModels> create(DeskServices services, User user, TaskExecutor tasks, Texts texts,
                                                  KnowledgeBaseViewModel kb) {
        CurationServices c = services.curation();
        if (c == null || !user.mayEditKnowledgeBase()) {
            return Optional.empty();
        }
        return Optional.of(new KbEditorModels(
                new ArticleHistoryViewModel(c.curation(), user, tasks, services.io(), texts, saved -> kb.open(saved.id())),
                new KbTransferViewModel(c.transfer(), user, tasks, services.io(), texts, kb::search),
                new KbGapsViewModel(services.knowledgeBase(), c.gaps(), c.duplicates(), tasks, services.inference(), texts)));
    }
}
