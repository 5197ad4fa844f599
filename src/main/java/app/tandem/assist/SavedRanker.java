package app.tandem.assist;

import app.tandem.ml.train.FeatureClassifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promoted re-ranker on disk, so a restart keeps it: its weights and standardisation in one file
 * (replaced atomically), and the training report beside it for people. The source statistics are not
 * saved: they are rebuilt from the suggestion log at load, which is where they come from anyway.
 */
public final class SavedRanker {

    private static final Logger log = LoggerFactory.getLogger(SavedRanker.class);
    static final String MODEL_FILE = "reranker.model";
    static final String REPORT_FILE = "report.txt";

    private final Path folder;

    public SavedRanker(Path folder) {
        this.folder = folder;
    }

    /** Saves a promoted ranker; false (and a warning in the log) when the disk refused. */
    public boolean save(FeedbackRanker.Report report) {
        try {
            Files.createDirectories(folder);
            report.ranker().model().write(folder.resolve(MODEL_FILE));
            Files.writeString(folder.resolve(REPORT_FILE), describe(report));
            return true;
        } catch (IOException e) {
            log.warn("Could not save the suggestion re-ranker in {}: {}", folder, e.getMessage());
            return false;
        }
    }

    /** The saved ranker with statistics from {@code feedback}; empty when none is saved or it is unusable. */
    public Optional<FeedbackRanker> load(List<SuggestionLog.Logged> feedback) {
        Path file = folder.resolve(MODEL_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Optional<FeedbackRanker> ranker = FeedbackRanker.restore(FeatureClassifier.read(file), feedback);
            if (ranker.isEmpty()) {
                log.info("The saved suggestion re-ranker in {} uses other features; ranking by confidence until retrained", folder);
            }
            return ranker;
        } catch (IOException e) {
            log.warn("Could not read the saved suggestion re-ranker {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static String describe(FeedbackRanker.Report report) {
        StringBuilder text = new StringBuilder(report.toString()).append('\n');
        double[] w = report.ranker().weights();
        text.append(String.format(Locale.ROOT, "bias %+.3f%n", w[0]));
        List<String> names = FeedbackRanker.featureNames();
        for (int i = 0; i < names.size(); i++) {
            text.append(String.format(Locale.ROOT, "%s %+.3f%n", names.get(i), w[i + 1]));
        }
        return text.toString();
    }
}
