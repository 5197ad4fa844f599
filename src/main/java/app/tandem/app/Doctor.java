package app.tandem.app;

import app.tandem.kb.IndexCheck;
import app.tandem.kb.KbIndex;
import app.tandem.kb.StartWarning;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import app.tandem.nlp.EncoderStatus;
import app.tandem.nlp.EngineStatus;
import app.tandem.work.Progress;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The {@code doctor} report: enough to answer "what is this machine running, and is it healthy?" */
public final class Doctor {

    private Doctor() {}

    /** Prints the report; returns false when something needs attention. */
    public static boolean report(Path dataFolder, PrintStream out) {
        return report(dataFolder, out, DesktopCheck.ofThisMachine());
    }

    /**
     * The same, with the desktop seen through {@code desktop}. Whether the desk can open a window is
     * reported, not counted against health: commands run without one, and over ssh there is none.
     */
    static boolean report(Path dataFolder, PrintStream out, DesktopCheck desktop) {
        out.println("Tandem      " + version());
        out.println("Java        " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        out.println("OS          " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        out.println("Lucene      " + KbIndex.luceneVersion());
        out.println("H2          " + org.h2.engine.Constants.VERSION);
        out.println("Desktop     " + desktop.summary());
        out.println("Data folder " + dataFolder);
        boolean healthy = true;
        boolean existed = Files.exists(dataFolder.resolve("tandem.mv.db"));
        try (Tandem tandem = Tandem.start(dataFolder, Progress.NONE)) {
            Optional<EncoderService> encoders = tandem.encoders().await(Duration.ofMinutes(2));
            if (tandem.seat().isPresent()) {
                out.println("Database    " + tandem.seat().get().describe() + " (this PC is a seat of the office)");
            } else {
                out.println("Database    " + tandem.databaseFile() + (existed ? "" : " (created now)") + ", "
                        + size(tandem.databaseFile()));
            }
            out.println("            " + tandem.knowledgeBase.count() + " articles, " + tandem.customers.count()
                    + " customers, " + tandem.conversations.queue().size() + " open conversations, "
                    + tandem.accounts.users().size() + " users");
            IndexCheck index = tandem.startReport().index();
            out.println("Index       " + tandem.indexFolder() + ", " + tandem.knowledgeBase.indexedPassages() + " passages, "
                    + "reflects database change " + index.change() + " of " + tandem.knowledgeBase.lastChange()
                    + switch (index.outcome()) {
                        case UP_TO_DATE -> "";
                        case CAUGHT_UP -> " (caught up " + index.articles() + " changed articles now)";
                        case REBUILT -> " (rebuilt now: " + index.why().map(IndexCheck.Why::english).orElse("") + ")";
                    });
            for (StartWarning warning : tandem.startReport().warnings()) {
                out.println("Warning     " + warning.english());
                healthy = false;
            }
            out.println("Inference   " + tandem.engineStatus());
            encoders.ifPresent(e -> e.status().models().forEach(m -> out.println("            " + Encoders.detail(m))));
            if (encoders.isEmpty() || encoders.get().status().problem().isPresent()) {
                healthy = false;
            }
        } catch (InstanceLock.AlreadyOpenException e) {
            out.println("Database    in use by a running Tandem; close it for a full report");
            out.println("Inference   " + EngineStatus.ready(standaloneEncoders(), -1).english());
        } catch (RuntimeException e) {
            out.println("Database    PROBLEM: " + e.getMessage());
            healthy = false;
        }
        return healthy;
    }

    private static EncoderStatus standaloneEncoders() {
        try (EncoderService service = EncoderService.start(EncoderSettings.defaults(Optional.empty()))) {
            return service.status();
        }
    }

    private static String version() {
        String v = Doctor.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    private static String size(Path file) {
        try {
            return Files.size(file) / 1024 + " KB";
        } catch (java.io.IOException e) {
            return "size unknown";
        }
    }
}
