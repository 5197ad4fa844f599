package app.tandem.ui;

import app.tandem.assist.escalation.CorrectionRefusedException;
import app.tandem.channel.TranscriptFormatException;
import app.tandem.kb.StaleArticleException;
import app.tandem.kb.curation.ArticleRefusedException;
import app.tandem.kb.curation.NotPermittedException;
import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.work.DataFolderInUseException;
import java.util.Optional;

/**
 * The refusals {@link Texts#failure} words beyond accounts, article files and messages: an article
 * the editor will not start or save, one saved by someone else meanwhile, a change the role does not
 * allow, a correction of a turn, a file that is not a transcript, a model that cannot be used, a data
 * folder another Tandem holds. Kept apart so Texts stays readable.
 */
final class FailureTexts {

    private FailureTexts() {}

    static Optional<String> refusal(Texts texts, Throwable e) {
        if (e instanceof StaleArticleException stale) {
            return Optional.of(texts.format("failure.staleArticle", stale.articleId(), String.valueOf(stale.actual()),
                    String.valueOf(stale.expected())));
        }
        if (e instanceof NotPermittedException refused) {
            NotPermittedException.Action action = refused.action();
            return Optional.of(action == NotPermittedException.Action.SET_STATUS
                    ? texts.format("failure.notPermitted.SET_STATUS", texts.get("status." + refused.status()).toLowerCase(texts.locale()))
                    : texts.get("failure.notPermitted." + action.name()));
        }
        if (e instanceof ArticleRefusedException refused) {
            return Optional.of(texts.format("failure.article." + refused.reason().name(), refused.args().toArray()));
        }
        if (e instanceof CorrectionRefusedException refused) {
            return Optional.of(texts.get("failure.correction." + refused.reason().name()));
        }
        if (e instanceof TranscriptFormatException notATranscript) {
            return Optional.of(texts.format("failure.transcript." + notATranscript.problem().name(), notATranscript.args().toArray()));
        }
        if (e instanceof ModelUnavailableException unavailable) {
            // The message names the model and the file, which stay as they are.
            return Optional.of(texts.format("failure.modelUnavailable", String.valueOf(unavailable.getMessage())));
        }
        if (e instanceof DataFolderInUseException inUse) {
            return Optional.of(texts.format("failure.folderInUse", inUse.folder().toString()));
        }
        return Optional.empty();
    }
}
