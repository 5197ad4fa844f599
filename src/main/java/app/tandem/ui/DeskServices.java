package app.tandem.ui;

import app.tandem.assist.AssistService;
import app.tandem.assist.ReplyService;
import app.tandem.assist.escalation.TurnUnderstanding;
import app.tandem.backup.OfficeBackups;
import app.tandem.backup.ScheduledBackups;
import app.tandem.channel.Transcript;
import app.tandem.channel.TranscriptReplay;
import app.tandem.conversation.ConversationService;
import app.tandem.customer.CustomerRepository;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.StartWarning;
import app.tandem.kb.editor.CurationServices;
import app.tandem.nlp.EngineStatus;
import app.tandem.nlp.intent.IntentModels;
import app.tandem.office.OfficePresence;
import app.tandem.security.AccountService;
import app.tandem.security.AuditLog;
import app.tandem.ui.common.Texts;
import app.tandem.ui.signin.OfficeJoining;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Everything the desk window needs, built by the composition root and handed in through the
 * constructor of each view model; the UI never builds a service itself.
 *
 * @param inference  runs searches and model inference (never the FX thread)
 * @param io         runs database and file work (never the FX thread)
 * @param settingsFile where the person's theme and language choices are kept
 * @param engineStatus one line for the status bar, asked again as it changes: models loading, the
 *                     inference device and models, or why keyword search only
 * @param startWarnings what start-up wants the person to know (skipped KB files, rebuilt index), worded by {@link Texts#startWarning}
 * @param curation     the knowledge-base editor's services (versions, drafts, usage, import/export, gaps)
 * @param understanding sentiment, entities and intent of customer turns; escalations; corrections
 * @param intentModels the intent model versions, the office's examples and the model the desk uses (Training tab)
 * @param backups      backups taken from the Tools menu while the desk works, and the schedule's settings (supervisors)
 * @param scheduledBackups the schedule's own backups, whose failures the status bar tells once
 * @param presence     the person's presence at the office (the status bar's selector) and their colleagues' (transfers, the live view)
 * @param officeAnswering whether the office server answered the seat's last round trip (a solo desk's always does);
 *                        the status bar asks it again every half second
 * @param joining      "Join an office…" on the sign-in screen of a solo desk
 */
public record DeskServices(
        AccountService accounts,
        ConversationService conversations,
        CustomerRepository customers,
        KnowledgeBase knowledgeBase,
        AssistService assist,
        ReplyService replies,
        TranscriptReplay replay,
        List<Transcript> sampleTranscripts,
        AuditLog audit,
        ExecutorService inference,
        ExecutorService io,
        Path settingsFile,
        Supplier<EngineStatus> engineStatus,
        List<StartWarning> startWarnings,
        CurationServices curation,
        TurnUnderstanding understanding,
        IntentModels intentModels,
        OfficeBackups backups,
        ScheduledBackups scheduledBackups,
        OfficePresence presence,
        BooleanSupplier officeAnswering,
        OfficeJoining joining) {

    /** A solo desk's services: its database is its own, so there is no office server to lose. */
    public DeskServices(AccountService accounts, ConversationService conversations, CustomerRepository customers,
            KnowledgeBase knowledgeBase, AssistService assist, ReplyService replies, TranscriptReplay replay,
            List<Transcript> sampleTranscripts, AuditLog audit, ExecutorService inference, ExecutorService io, Path settingsFile,
            Supplier<EngineStatus> engineStatus, List<StartWarning> startWarnings, CurationServices curation,
            TurnUnderstanding understanding, IntentModels intentModels, OfficeBackups backups, ScheduledBackups scheduledBackups,
            OfficePresence presence) {
        this(accounts, conversations, customers, knowledgeBase, assist, replies, replay, sampleTranscripts, audit, inference, io,
                settingsFile, engineStatus, startWarnings, curation, understanding, intentModels, backups, scheduledBackups, presence,
                () -> true, OfficeJoining.NONE);
    }
}
