package app.tandem.ui.desk;

import app.tandem.conversation.Attachment;
import app.tandem.conversation.ConversationService;
import app.tandem.conversation.Message;
import app.tandem.ui.common.TaskExecutor;
import app.tandem.ui.common.Texts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableMap;

/**
 * What the customer's turns on screen carried (issue 18, Images): their thumbnails and read text, loaded off the UI
 * thread whenever a customer turn arrives; the full-size image when the agent opens it; and the agent's correction
 * of the read text, stored with their name and from then on what the desk shows the image says.
 */
public final class AttachmentViewModel {

    /** What this part reads and writes; may block (database), so it is called off the UI thread. */
    public interface Attachments {
        List<Attachment> attachments(long conversationId);

        Optional<byte[]> content(long attachmentId);

        Attachment.Correction correct(long attachmentId, String text, String agent);

        static Attachments of(ConversationService conversations) {
            return new Attachments() {
                @Override
                public List<Attachment> attachments(long conversationId) {
                    return conversations.attachments(conversationId);
                }

                @Override
                public Optional<byte[]> content(long attachmentId) {
                    return conversations.attachmentContent(attachmentId);
                }

                @Override
                public Attachment.Correction correct(long attachmentId, String text, String agent) {
                    return conversations.correctReadText(attachmentId, text, agent);
                }
            };
        }
    }

    private final Attachments source;
    private final ConversationViewModel conversation;
    private final String agent;
    private final TaskExecutor tasks;
    private final Executor io;
    private final Texts texts;
    private final Consumer<Throwable> failures;
    /** The attachments of the conversation on screen, by the seq of the turn that carried each. */
    private final ObservableMap<Integer, Attachment> bySeq = FXCollections.observableHashMap();
    /**
     * This desk's corrections, by attachment id (UI thread only): a reload of the attachments that read the database
     * before a correction was stored, and answers after it, must not put the old reading back on screen.
     */
    private final Map<Long, Attachment.Correction> correctedHere = new HashMap<>();
    /** Reloads started (UI thread only): only the latest one's answer is shown; an earlier one may predate a turn. */
    private long loads;

    public AttachmentViewModel(Attachments source, ConversationViewModel conversation, String agent, TaskExecutor tasks,
                               Executor io, Texts texts, Consumer<Throwable> failures) {
        this.source = source;
        this.conversation = conversation;
        this.agent = agent;
        this.tasks = tasks;
        this.io = io;
        this.texts = texts;
        this.failures = failures;
        conversation.messages().addListener((ListChangeListener<Message>) change -> turnsChanged(change));
    }

    /** The attachment a turn carried, when it carried one and it is loaded. */
    public Optional<Attachment> of(Message turn) {
        return conversation.isSelected(turn.conversationId()) ? Optional.ofNullable(bySeq.get(turn.seq())) : Optional.empty();
    }

    public ObservableMap<Integer, Attachment> attachments() {
        return bySeq;
    }

    /** Reads the image as the customer sent it and hands it to {@code show} on the UI thread. */
    public void open(Attachment attachment, Consumer<byte[]> show) {
        tasks.execute(texts.get("activity.attachment"), io,
                () -> source.content(attachment.id()).orElse(new byte[0]), show, failures::accept);
    }

    /** Stores the agent's fix of what was read from {@code attachment}; the turn shows it once it is stored. */
    public void correct(Attachment attachment, String text) {
        long conversationId = conversation.selected().map(c -> c.id()).orElse(0L);
        tasks.execute(texts.get("activity.attachment"), io, () -> source.correct(attachment.id(), text, agent),
                correction -> {
                    correctedHere.put(attachment.id(), correction);
                    if (conversation.isSelected(conversationId)) {
                        bySeq.put(attachment.messageSeq(), attachment.corrected(correction));
                    }
                }, failures::accept);
    }

    private Attachment latest(Attachment loaded) {
        Attachment.Correction here = correctedHere.get(loaded.id());
        boolean newerHere = here != null
                && loaded.correction().map(c -> c.at().isBefore(here.at())).orElse(true);
        return newerHere ? loaded.corrected(here) : loaded;
    }

    /**
     * A new conversation on screen, or customer turns added to it: its attachments are read again (a turn's is
     * stored with it, so it is there once the turn is). Agents' turns carry none and read nothing.
     */
    private void turnsChanged(ListChangeListener.Change<? extends Message> change) {
        boolean customerTurnAdded = false;
        while (change.next()) {
            if (change.wasRemoved() && !change.wasAdded()) {
                bySeq.clear();
            }
            customerTurnAdded |= change.getAddedSubList().stream().anyMatch(Message::fromCustomer);
        }
        Optional<Long> shown = conversation.selected().map(c -> c.id());
        if (customerTurnAdded && shown.isPresent()) {
            long id = shown.get();
            long mine = ++loads;
            tasks.execute(texts.get("activity.attachment"), io, () -> source.attachments(id), loaded -> {
                if (mine == loads && conversation.isSelected(id)) {
                    bySeq.clear();
                    loaded.forEach(a -> bySeq.put(a.messageSeq(), latest(a)));
                }
            }, failures::accept);
        }
    }
}
