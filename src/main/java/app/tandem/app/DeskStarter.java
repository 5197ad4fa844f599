package app.tandem.app;

import app.tandem.assist.AssistService;
import app.tandem.channel.TranscriptLibrary;
import app.tandem.kb.StartWarning;
import app.tandem.ui.DeskServices;
import app.tandem.ui.DeskUi;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Opens the desk window over a data folder. */
public final class DeskStarter {

    private DeskStarter() {}

    public static void open(Path dataFolder) {
        AtomicReference<Tandem> running = new AtomicReference<>();
        DeskUi.launch(progress -> {
            Tandem tandem = Tandem.start(dataFolder, progress);
            running.set(tandem);
            tandem.warmUpSuggestions();
            return services(tandem);
        }, () -> {
            Tandem tandem = running.getAndSet(null);
            if (tandem != null) {
                tandem.close();
            }
        });
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
                t.dataFolder().resolve("settings.properties"), t::engine, warnings, t.curation, t.understanding, t.intentModels);
    }
}
