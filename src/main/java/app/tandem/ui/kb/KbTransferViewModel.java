package app.tandem.ui.kb;

import app.tandem.kb.transfer.ImportChangedException;
import app.tandem.kb.transfer.ImportProblem;
import app.tandem.kb.transfer.ImportRefusedException;
import app.tandem.kb.transfer.ImportReport;
import app.tandem.kb.transfer.ImportResult;
import app.tandem.kb.transfer.KbTransfer;
import app.tandem.security.User;
import app.tandem.ui.common.BackgroundProgress;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Import and export in the background with progress and cancel. An import is shown as a report
 * first; the person then imports it (all or nothing), choosing whether conflicts take theirs.
 */
public final class KbTransferViewModel {

    /** A report waiting for the person's decision. */
    public record PendingImport(Path source, ImportReport report) {}

    private final KbTransfer transfer;
    private final User user;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Runnable imported;
    private final BackgroundProgress progress;
    private final ReadOnlyObjectWrapper<PendingImport> pending = new ReadOnlyObjectWrapper<>(this, "pending");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** {@code imported} runs on the UI thread after an import wrote articles (to refresh the list). */
    public KbTransferViewModel(KbTransfer transfer, User user, TaskExecutor tasks, Executor io, Texts texts, Runnable imported) {
        this.transfer = transfer;
        this.user = user;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.imported = imported;
        this.progress = new BackgroundProgress(tasks);
    }

    public void export(Path out) {
        if (busy()) {
            return;
        }
        Progress p = progress.start(texts.get("kb.exporting"));
        tasks.execute(texts.get("kb.exporting"), io, () -> transfer.export(out, user.username(), p), n -> {
            progress.finished();
            message.set(texts.format("kb.exported", n, out.toString()));
        }, this::failed);
    }

    /** What an import would do, in the person's language (the report's own summary is English, for the command line). */
    public String summary(ImportReport report) {
        return report.refused() ? texts.format("kb.importRefused", report.problems().size())
                : texts.format("kb.importSummary", report.count(ImportReport.Kind.NEW), report.count(ImportReport.Kind.UPDATED),
                        report.count(ImportReport.Kind.CONFLICT), report.count(ImportReport.Kind.UNCHANGED),
                        report.count(ImportReport.Kind.OLDER));
    }

    /** An import's unreadable file and why, in the person's language: "faq.csv row 3: missing title (question)". */
    public String problem(ImportProblem p) {
        return texts.importProblem(p);
    }

    /** Reads the source and reports what importing it would do; nothing is written yet. */
    public void planImport(Path source) {
        if (busy() || !user.mayEditKnowledgeBase()) {
            return;
        }
        Progress p = progress.start(texts.get("kb.reading"));
        tasks.execute(texts.get("kb.reading"), io, () -> transfer.plan(source, user.username(), p), report -> {
            progress.finished();
            message.set(summary(report));
            pending.set(new PendingImport(source, report));
        }, this::failed);
    }

    /** Imports what the pending report said; conflicts take theirs only when {@code takeConflicts}. */
    public void confirmImport(boolean takeConflicts) {
        PendingImport p = pending.get();
        pending.set(null);
        if (p == null || p.report().refused() || busy()) {
            return;
        }
        Progress work = progress.start(texts.get("kb.importing"));
        tasks.execute(texts.get("kb.importing"), io, () -> transfer.apply(p.source(), p.report(), takeConflicts,
                user.username(), work), (ImportResult result) -> {
            progress.finished();
            message.set(texts.format("kb.imported", result.added(), result.updated(), result.conflictsTaken(),
                    result.conflictsSkipped()));
            imported.run();
        }, this::failed);
    }

    public void cancelImport() {
        pending.set(null);
        message.set(texts.get("kb.importCancelled"));
    }

    private boolean busy() {
        return progress.runningProperty().get();
    }

    private void failed(Throwable e) {
        progress.finished();
        if (e instanceof ImportRefusedException refused) {
            // the files changed between the report and the import: say which, as the report would have
            ImportReport report = refused.report();
            message.set(summary(report) + " " + String.join("; ", report.problems().stream().map(this::problem).toList()));
        } else if (e instanceof ImportChangedException) {
            message.set(texts.get("kb.importChanged"));
        } else {
            message.set(e instanceof Progress.CancelledException ? texts.get("kb.transferCancelled")
                    : texts.failure("error.background", e));
        }
    }

    public BackgroundProgress progress() {
        return progress;
    }

    public ReadOnlyObjectProperty<PendingImport> pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
