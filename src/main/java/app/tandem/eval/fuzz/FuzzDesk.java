package app.tandem.eval.fuzz;

import app.tandem.assist.escalation.TurnUnderstanding;
import app.tandem.channel.TranscriptReplay;
import app.tandem.conversation.ConversationService;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.curation.Curation;
import app.tandem.kb.transfer.KbTransfer;
import app.tandem.security.AccountService;
import java.nio.file.Path;

/**
 * The services of a started Tandem that the targets drive, as the desk gets them: built by the composition
 * root over a scratch data folder (a real H2 database and Lucene index), so the harness uses exactly the
 * product's wiring without knowing it.
 */
public record FuzzDesk(KnowledgeBase knowledgeBase, KbTransfer transfer, Curation curation, ConversationService conversations,
                       TurnUnderstanding understanding, TranscriptReplay replay, AccountService accounts, Runnable closer)
        implements AutoCloseable {

    /** Starts Tandem over an empty data folder; the first start seeds it as an office's first start does. */
    @FunctionalInterface
    public interface Opener {
        FuzzDesk open(Path dataFolder);
    }

    @Override
    public void close() {
        closer.run();
    }
}
