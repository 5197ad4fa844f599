package app.tandem.ui.common;

import app.tandem.assist.escalation.CorrectionRefusedException;
import app.tandem.channel.TranscriptFormatException;
import app.tandem.channel.image.ImageRefusedException;
import app.tandem.conversation.MessageRejectedException;
import app.tandem.kb.StaleArticleException;
import app.tandem.kb.curation.ArticleRefusedException;
import app.tandem.kb.curation.NotPermittedException;
import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.work.DataFailure;
import app.tandem.work.DataFolderInUseException;
import app.tandem.work.JoinRefusedException;
import app.tandem.work.RefusedException;
import java.util.Map;
import java.util.Optional;

/**
 * The refusals {@link Texts#failure} words beyond accounts and article files: a {@link RefusedException}
 * (a message not stored, an article the editor will not start or save, a correction of a turn, a file that
 * is not a transcript), an article saved by someone else meanwhile, a change the role does not allow, a
 * model that cannot be used, a data folder another Tandem holds, an office server that does not answer. Kept apart so Texts stays readable.
 */
final class FailureTexts {

    /** The bundle key of each refusal is its prefix here plus the reason's name; the arguments fill it in. */
    private static final Map<Class<? extends RefusedException>, String> REFUSAL_KEYS = Map.of(
            MessageRejectedException.class, "message.rejected.",
            ArticleRefusedException.class, "failure.article.",
            CorrectionRefusedException.class, "failure.correction.",
            TranscriptFormatException.class, "failure.transcript.",
            JoinRefusedException.class, "failure.join.", ImageRefusedException.class, "failure.image.");

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
        if (e instanceof RefusedException refused && REFUSAL_KEYS.containsKey(e.getClass())) {
            return Optional.of(texts.format(REFUSAL_KEYS.get(e.getClass()) + refused.reason().name(), refused.args().toArray()));
        }
        if (e instanceof ModelUnavailableException unavailable) {
            // The message names the model and the file, which stay as they are.
            return Optional.of(texts.format("failure.modelUnavailable", String.valueOf(unavailable.getMessage())));
        }
        if (e instanceof DataFailure failure && failure.kind() == DataFailure.Kind.OFFICE_NOT_ANSWERING) {
            return Optional.of(texts.get("failure.officeNotAnswering"));
        }
        if (e instanceof DataFolderInUseException inUse) {
            return Optional.of(texts.format("failure.folderInUse", inUse.folder().toString()));
        }
        return Optional.empty();
    }
}
