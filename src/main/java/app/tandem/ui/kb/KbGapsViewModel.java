package app.tandem.ui.kb;

import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.gaps.DuplicateFinder;
import app.tandem.kb.gaps.DuplicatePair;
import app.tandem.kb.gaps.GapFinder;
import app.tandem.kb.gaps.GapReport;
import app.tandem.kb.gaps.QuestionCluster;
import app.tandem.ui.common.BackgroundProgress;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import app.tandem.work.Progress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What the knowledge base is missing (customer questions without a confident answer) and what it has twice. */
public final class KbGapsViewModel {

    static final Duration WINDOW = Duration.ofDays(90);

    private final KnowledgeBase kb;
    private final GapFinder gaps;
    private final DuplicateFinder duplicates;
    private final TaskExecutor tasks;
    private final Executor work;
    private final Texts texts;
    private final BackgroundProgress progress;
    private final ObservableList<QuestionCluster> clusters = FXCollections.observableArrayList();
    private final ObservableList<DuplicatePair> pairs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper gapNote = new ReadOnlyStringWrapper(this, "gapNote", "");
    private final ReadOnlyStringWrapper duplicateNote = new ReadOnlyStringWrapper(this, "duplicateNote", "");

    /** {@code work}: the inference executor (encoding questions and articles). */
    public KbGapsViewModel(KnowledgeBase kb, GapFinder gaps, DuplicateFinder duplicates, TaskExecutor tasks, Executor work,
                           Texts texts) {
        this.kb = kb;
        this.gaps = gaps;
        this.duplicates = duplicates;
        this.tasks = tasks;
        this.work = work;
        this.texts = texts;
        this.progress = new BackgroundProgress(tasks);
    }

    public void findGaps() {
        if (progress.runningProperty().get()) {
            return;
        }
        Progress p = progress.start(texts.get("kb.gapsFinding"));
        tasks.execute(texts.get("kb.gapsFinding"), work, () -> gaps.find(WINDOW, p), (GapReport report) -> {
            progress.finished();
            clusters.setAll(report.clusters());
            String how = report.grouping() == GapReport.Grouping.BY_MEANING ? texts.get("kb.gapsByMeaning")
                    : texts.get("kb.gapsByWords");
            gapNote.set(texts.format("kb.gapsFound", report.questions(), report.clusters().size(), WINDOW.toDays()) + " " + how);
        }, this::failed);
    }

    public void findDuplicates() {
        if (progress.runningProperty().get()) {
            return;
        }
        Progress p = progress.start(texts.get("kb.duplicatesFinding"));
        tasks.execute(texts.get("kb.duplicatesFinding"), work,
                () -> duplicates.find(kb.all(), DuplicateFinder.THRESHOLD, p), (Optional<List<DuplicatePair>> found) -> {
                    progress.finished();
                    pairs.setAll(found.orElse(List.of()));
                    duplicateNote.set(found.isEmpty() ? texts.get("kb.duplicatesNeedModels")
                            : texts.format("kb.duplicatesFound", found.get().size(), DuplicateFinder.THRESHOLD));
                }, this::failed);
    }

    private void failed(Throwable e) {
        progress.finished();
        gapNote.set(e instanceof Progress.CancelledException ? texts.get("kb.transferCancelled")
                : texts.failure("error.background", e));
    }

    public BackgroundProgress progress() {
        return progress;
    }

    public ObservableList<QuestionCluster> clusters() {
        return clusters;
    }

    public ObservableList<DuplicatePair> pairs() {
        return pairs;
    }

    public ReadOnlyStringProperty gapNoteProperty() {
        return gapNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty duplicateNoteProperty() {
        return duplicateNote.getReadOnlyProperty();
    }
}
