package app.tandem.ui.desk;

import static app.tandem.ui.desk.DeskFakes.AGENT;
import static app.tandem.ui.desk.DeskFakes.CLOCK;
import static app.tandem.ui.desk.DeskFakes.ENGLISH;
import static app.tandem.ui.desk.DeskFakes.NOWHERE;
import static app.tandem.ui.desk.DeskFakes.agent;
import static app.tandem.ui.desk.DeskFakes.conversation;
import static app.tandem.ui.desk.DeskFakes.customer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.conversation.Attachment;
import app.tandem.conversation.Channel;
import app.tandem.conversation.Conversation;
import app.tandem.conversation.Message;
import app.tandem.conversation.ReadFrom;
import app.tandem.conversation.ReadText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The desk's part for what customer turns carried: loading, opening full size and correcting the read text. */
class AttachmentViewModelTest {

    private static final byte[] THUMBNAIL = {1, 2, 3};
    private static final byte[] IMAGE = {4, 5, 6, 7};

    private final DeskFakes.Tasks tasks = new DeskFakes.Tasks();
    private final DeskFakes.Conversations conversations = new DeskFakes.Conversations();
    private final StoredAttachments stored = new StoredAttachments();
    private final List<Throwable> failures = new ArrayList<>();
    private final ConversationViewModel conversation = new ConversationViewModel(conversations, tasks, NOWHERE, ENGLISH, failures::add);
    private final AttachmentViewModel vm = new AttachmentViewModel(stored, conversation, AGENT.username(), tasks, NOWHERE,
            ENGLISH, failures::add);

    private final Message imageTurn = customer(1, 1, "Why?\n[read from the image] Card end1ng 4B21 dec1ined");
    private final Conversation web = conversations.add(conversation(1, Channel.WEB), imageTurn);

    AttachmentViewModelTest() {
        stored.add(1, new Attachment(10, imageTurn.id(), 1, ReadFrom.IMAGE, "image/png", THUMBNAIL,
                Optional.of(new ReadText("Card end1ng 4B21 dec1ined", 58)), Optional.empty()));
    }

    @Test
    void aTurnOnScreenShowsWhatItCarriedLoadedOffTheUiThread() {
        conversation.show(1, Optional.of(web));

        Attachment shown = vm.of(imageTurn).orElseThrow();
        assertArrayEquals(THUMBNAIL, shown.thumbnailPng());
        assertEquals(58, shown.read().orElseThrow().confidence());
        assertEquals(1, tasks.count("activity.attachment"));
        assertTrue(failures.isEmpty());
    }

    @Test
    void theAgentsCorrectionIsStoredWithTheirNameAndIsWhatTheTurnShowsFromThen() {
        conversation.show(1, Optional.of(web));

        vm.correct(vm.of(imageTurn).orElseThrow(), "Card ending 4821 declined");

        assertEquals(List.of("10 ann Card ending 4821 declined"), stored.corrections);
        Attachment shown = vm.of(imageTurn).orElseThrow();
        assertEquals(Optional.of("Card ending 4821 declined"), shown.meaning());
        assertEquals("ann", shown.correction().orElseThrow().by());
        assertEquals("Card end1ng 4B21 dec1ined", shown.read().orElseThrow().text(), "the machine's reading stays beside it");
    }

    @Test
    void aRefusedCorrectionChangesNothingOnScreenAndIsReported() {
        conversation.show(1, Optional.of(web));
        stored.refuse = true;

        vm.correct(vm.of(imageTurn).orElseThrow(), "x".repeat(20_000));

        assertEquals(1, failures.size());
        assertEquals(Optional.empty(), vm.of(imageTurn).orElseThrow().correction());
    }

    @Test
    void theFullImageIsReadOnlyWhenOpened() {
        conversation.show(1, Optional.of(web));
        AtomicReference<byte[]> opened = new AtomicReference<>();

        vm.open(vm.of(imageTurn).orElseThrow(), opened::set);

        assertArrayEquals(IMAGE, opened.get());
    }

    @Test
    void anAgentsTurnReadsNothingAndAnotherConversationShowsNoneOfTheFirstsImages() {
        conversation.show(1, Optional.of(web));
        Message reply = agent(1, 2, "Let me check that card.");
        conversations.arrive(reply);
        conversation.arrived(reply);
        assertEquals(1, tasks.count("activity.attachment"), "an agent's turn carries nothing to read");

        Conversation other = conversations.add(conversation(2, Channel.WEB), customer(2, 1, "Hello"));
        conversation.show(2, Optional.of(other));

        assertTrue(vm.attachments().isEmpty());
        assertEquals(Optional.empty(), vm.of(imageTurn));
    }

    /** Attachments kept in memory, as the conversation service would read and store them. */
    private static final class StoredAttachments implements AttachmentViewModel.Attachments {
        private final Map<Long, List<Attachment>> byConversation = new HashMap<>();
        final List<String> corrections = new ArrayList<>();
        boolean refuse;

        void add(long conversationId, Attachment a) {
            byConversation.computeIfAbsent(conversationId, k -> new ArrayList<>()).add(a);
        }

        @Override
        public List<Attachment> attachments(long conversationId) {
            return byConversation.getOrDefault(conversationId, List.of());
        }

        @Override
        public Optional<byte[]> content(long attachmentId) {
            return attachmentId == 10 ? Optional.of(IMAGE) : Optional.empty();
        }

        @Override
        public Attachment.Correction correct(long attachmentId, String text, String agent) {
            if (refuse) {
                throw new IllegalStateException("refused");
            }
            corrections.add(attachmentId + " " + agent + " " + text);
            return new Attachment.Correction(text, agent, CLOCK.instant());
        }
    }
}
