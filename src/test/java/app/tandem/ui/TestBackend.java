package app.tandem.ui;

import app.tandem.app.Tandem;
import app.tandem.assist.SuggestionLog;
import app.tandem.channel.TranscriptLibrary;
import app.tandem.kb.ArticleProblem;
import app.tandem.kb.StartWarning;
import app.tandem.store.Database;
import app.tandem.store.JdbcSuggestionLog;
import app.tandem.work.Progress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** The real backend over a temp data folder (seeded KB and customers), as the desk sees it. */
public final class TestBackend implements AutoCloseable {

    public final Tandem tandem;
    public final DeskServices services;

    private TestBackend(Tandem tandem, DeskServices services) {
        this.tandem = tandem;
        this.services = services;
    }

    public static TestBackend start(Path folder) {
        return start(folder, false);
    }

    /** {@code models}: load the sentence encoders too (in the background, as the app does). */
    public static TestBackend start(Path folder, boolean models) {
        Tandem t = Tandem.start(folder, Progress.NONE, models);
        DeskServices services = new DeskServices(t.accounts, t.conversations, t.customers, t.knowledgeBase, t.assist,
                t.replies, t.replay, TranscriptLibrary.bundled(), t.audit, t.inferenceExecutor(), t.ioExecutor(),
                folder.resolve("settings.properties"), t::engine, models ? List.of()
                        : List.of(StartWarning.skipped("kb/en/broken.md", ArticleProblem.of(ArticleProblem.Kind.NO_FRONT_MATTER))),
                t.curation, t.understanding, t.intentModels, t.backups, t.scheduledBackups, t.presence);
        return new TestBackend(t, services);
    }

    /** The suggestion log as stored in H2 (a second connection to the same database file). */
    public SuggestionLog suggestionLog() {
        return new JdbcSuggestionLog(org.h2.jdbcx.JdbcConnectionPool.create(
                Database.url(tandem.dataFolder()), "tandem", ""), Clock.systemUTC());
    }

    @Override
    public void close() {
        tandem.close();
    }
}
