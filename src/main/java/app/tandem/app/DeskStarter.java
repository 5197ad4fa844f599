package app.tandem.app;

import app.tandem.assist.AssistService;
import app.tandem.channel.TranscriptLibrary;
import app.tandem.kb.StartWarning;
import app.tandem.ui.DeskServices;
import app.tandem.ui.DeskUi;
import app.tandem.work.Progress;
import app.tandem.work.StartFailedException;
import app.tandem.work.StartStep;
import app.tandem.web.CustomerChat;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the desk window over a data folder. */
public final class DeskStarter {

    private static final Logger LOG = LoggerFactory.getLogger(DeskStarter.class);

    private DeskStarter() {}

    /**
     * Opens the window and blocks until it is closed. Throws {@link DesktopCheck.DesktopUnavailableException}
     * (its message one sentence with the fix) when this machine cannot show a window. A failed start is shown
     * in the window as a {@link StartFailedException}: what failed, where, and the log file.
     *
     * @param thisRun the office to be a seat of for this run ({@code --server}, {@code --database}); empty: as the
     *                data folder's {@value Seat#FILE} says
     */
    public static void open(Path dataFolder, Optional<Seat> thisRun) {
        open(dataFolder, thisRun, Optional.empty());
    }

    /** As {@link #open(Path, Optional)}, also serving the customer chat page on {@code webChat} while the desk runs. */
    public static void open(Path dataFolder, Optional<Seat> thisRun, Optional<InetSocketAddress> webChat) {
        DesktopCheck desktop = DesktopCheck.ofThisMachine();
        Optional<DesktopCheck.Problem> noWindow = desktop.beforeStart();
        if (noWindow.isPresent()) {
            throw desktop.unavailable(noWindow.get(), null);
        }
        Optional<Path> log = DeskLog.start(dataFolder);
        AtomicReference<Tandem> running = new AtomicReference<>();
        AtomicReference<CustomerChat> chats = new AtomicReference<>();
        try {
            DeskUi.launch(progress -> {
                StepWatch steps = new StepWatch(progress);
                try {
                    Tandem tandem = Tandem.start(dataFolder, steps, thisRun);
                    running.set(tandem);
                    webChat.ifPresent(address -> {
                        CustomerChat chat = tandem.serveCustomerChat(address.getHostString(), address.getPort());
                        chats.set(chat);
                        LOG.info("Customer web chat: http://{}:{}/", address.getHostString(), chat.port());
                    });
                    tandem.warmUpSuggestions();
                    return services(tandem);
                } catch (RuntimeException e) {
                    throw new StartFailedException(StartDiagnosis.diagnose(e, steps.last(), dataFolder, log), e);
                }
            }, () -> {
                CustomerChat chat = chats.getAndSet(null);
                if (chat != null) {
                    chat.close();
                }
                Tandem tandem = running.getAndSet(null);
                if (tandem != null) {
                    tandem.close();
                }
            });
        } catch (RuntimeException e) {
            Optional<DesktopCheck.Problem> problem = desktop.explain(e);
            if (problem.isPresent()) {
                throw desktop.unavailable(problem.get(), e);
            }
            throw e;
        }
    }

    static DeskServices services(Tandem t) {
        return services(t, t.assist);
    }

    /** The desk's services over {@code t}, with suggestions from {@code assist} (a benchmark's larger allowlist). */
    public static DeskServices services(Tandem t, AssistService assist) {
        List<StartWarning> warnings = new ArrayList<>(t.startReport().warnings());
        // A first start builds the index anyway; a rebuild is news only over an existing database.
        if (t.startReport().indexRebuilt() && t.startReport().articlesSeeded() == 0) {
            warnings.add(StartWarning.indexRebuilt());
        }
        return new DeskServices(t.accounts, t.conversations, t.customers, t.knowledgeBase, assist, t.replies, t.replay,
                TranscriptLibrary.bundled(), t.audit, t.inferenceExecutor(), t.ioExecutor(),
                t.dataFolder().resolve("settings.properties"), t::engine, warnings, t.curation, t.understanding, t.intentModels,
                t.backups, t.scheduledBackups, t.presence, t.officeLink()::answering,
                new OfficeJoin(t.dataFolder(), t.seat().isEmpty(), t.startReport().articlesSeeded() > 0));
    }

    /** The start window's progress, remembering which step is running so that a failure can name it. */
    static final class StepWatch implements Progress {

        private final Progress shown;
        private volatile StartStep last = StartStep.OPENING_DATABASE;

        StepWatch(Progress shown) {
            this.shown = shown;
        }

        StartStep last() {
            return last;
        }

        @Override
        public void update(long done, long total, String message) {
            shown.update(done, total, message);
        }

        @Override
        public void step(long done, long total, StartStep step) {
            last = step;
            shown.step(done, total, step);
        }

        @Override
        public boolean isCancelled() {
            return shown.isCancelled();
        }
    }
}
