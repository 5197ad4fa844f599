package app.tandem.ui.kb;

import app.tandem.kb.AlternateQuestion;
import app.tandem.kb.KnowledgeBase;
import app.tandem.security.User;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Customer questions learned for the open article from resolved conversations; a supervisor removes
 * the ones that do not belong. Agents never see them.
 */
public final class LearnedQuestionsViewModel {

    /** Where learned questions are kept; {@link KnowledgeBase} has both. */
    public interface LearnedQuestions {
        List<AlternateQuestion> questions(String articleId);

        void removeQuestion(long questionId, String actor);

        static LearnedQuestions of(KnowledgeBase kb) {
            return new LearnedQuestions() {
                @Override
                public List<AlternateQuestion> questions(String articleId) {
                    return kb.questions(articleId);
                }

                @Override
                public void removeQuestion(long questionId, String actor) {
                    kb.removeQuestion(questionId, actor);
                }
            };
        }
    }

    private final LearnedQuestions store;
    private final User user;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final ObservableList<AlternateQuestion> questions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private String articleId;

    public LearnedQuestionsViewModel(LearnedQuestions store, User user, TaskExecutor tasks, Executor io, Texts texts) {
        this.store = store;
        this.user = user;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
    }

    /** Lists the questions of {@code id}, the article now open; a slower answer for an earlier article is dropped. */
    public void load(String id) {
        if (!user.mayEditKnowledgeBase()) {
            return;
        }
        articleId = id;
        tasks.execute(texts.get("activity.kbOpen"), io, () -> store.questions(id), found -> {
            if (id.equals(articleId)) {
                questions.setAll(found);
            }
        }, this::failed);
    }

    /** A supervisor removes a learned question that does not belong to the open article. */
    public void remove(AlternateQuestion question) {
        if (!user.mayEditKnowledgeBase()) {
            return;
        }
        tasks.execute(texts.get("activity.kbSave"), io, () -> {
            store.removeQuestion(question.id(), user.username());
            return store.questions(question.articleId());
        }, remaining -> {
            questions.setAll(remaining);
            message.set(texts.get("kb.questionRemoved"));
        }, this::failed);
    }

    private void failed(Throwable e) {
        message.set(texts.failure("error.background", e));
    }

    public ObservableList<AlternateQuestion> questions() {
        return questions;
    }

    /** "Question removed.", or why loading or removing failed. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
