package app.tandem.app.cli;

import app.tandem.app.Tandem;
import app.tandem.eval.AbcdDialogues;
import app.tandem.eval.Datasets;
import app.tandem.eval.Dialogue;
import app.tandem.eval.DialogueSet;
import app.tandem.eval.ReplayDesk;
import app.tandem.eval.ReplayEvaluation;
import app.tandem.eval.SgdDialogues;
import app.tandem.nlp.TextEncoder;
import app.tandem.work.Progress;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code eval replies --dataset sgd-banks|abcd}: finds the dialogues, starts Tandem on a temporary
 * data folder with the bundled KB and the real encoders, runs {@link ReplayEvaluation}, prints the
 * table and writes {@code replies-<dataset>.csv/.json}.
 */
final class DialogueReplayRun {

    private final String dataset;
    private final double feedbackShare;
    private final int maxDialogues;
    private final long seed;
    private final Path out;

    DialogueReplayRun(String dataset, double feedbackShare, int maxDialogues, long seed, Path out) {
        this.dataset = dataset;
        this.feedbackShare = feedbackShare;
        this.maxDialogues = maxDialogues;
        this.seed = seed;
        this.out = out;
    }

    int call() throws IOException {
        if (!List.of("sgd-banks", "abcd").contains(dataset)) {
            System.err.println("Unknown dataset \"" + dataset + "\". Known: banking77, banking77-conversations, sgd-banks, abcd.");
            return 2;
        }
        Optional<Path> shared = Datasets.sharedFolder();
        Path folder = shared.map(p -> p.resolve(dataset)).orElse(Path.of("shared/datasets", dataset));
        List<Path> needed = dataset.equals("abcd") ? List.of(folder.resolve("abcd_sample.json"))
                : List.of(folder.resolve("train"), folder.resolve("dev"), folder.resolve("test"));
        Optional<Path> missing = needed.stream().filter(p -> !Files.exists(p)).findFirst();
        if (shared.isEmpty() || missing.isPresent()) {
            System.err.println("tandem: no " + (shared.isEmpty() ? "shared/datasets folder" : missing.get().toString())
                    + ": set TANDEM_DATASETS to the folder holding " + dataset + "/");
            return 2;
        }
        ReplayEvaluation.Plan plan = plan(folder);
        System.out.printf(Locale.ROOT, "Dialogue replay (%s): history %d dialogues, feedback %d dialogues (%d agent turns), replayed %s%n",
                dataset, plan.history().dialogues().size(), plan.feedback().dialogues().size(), plan.feedback().answeringTurns(),
                String.join(", ", plan.replayed().stream().map(s -> s.name() + " " + s.dialogues().size() + " dialogues / "
                        + s.answeringTurns() + " agent turns").toList()));
        if (dataset.equals("abcd")) {
            System.out.println("ABCD: only the 3-dialogue sample is available, no dialogue acts and a retail domain the bank KB "
                    + "does not cover: a smoke test of the replay, not a measurement.");
        }
        Path data = Files.createTempDirectory("tandem-eval-replay");
        // Without the background understanding of each stored customer turn (sentiment, intent, entities):
        // no desk shows these conversations, and it queued on the encoder the measured suggestions need.
        try (Tandem tandem = Tandem.start(data, Progress.NONE, Tandem.Options.DESK.withoutTurnUnderstanding())) {
            if (!tandem.awaitVectors("en", Duration.ofMinutes(10))) {
                System.err.println("tandem: the sentence encoders did not load (" + tandem.engineStatus()
                        + "); Smart Reply and the text criterion need them.");
                return 1;
            }
            System.out.println("Engine: " + tandem.engineStatus());
            TextEncoder encoder = tandem.knowledgeBase.encoders().forLanguage("en").orElseThrow();
            ReplayDesk desk = new ReplayDesk(tandem.conversations, tandem.assist, tandem.replies, tandem.smartReplies, encoder);
            long started = System.nanoTime();
            ReplayEvaluation.Report report = ReplayEvaluation.run(desk, plan, TextProgress.onStandardError());
            print(report, plan, (System.nanoTime() - started) / 1e9);
            write(report);
        } finally {
            deleteQuietly(data);
        }
        return 0;
    }

    /** The throwaway data folder (H2 file, index) holds tens of MB per run: do not leave it in /tmp. */
    static void deleteQuietly(Path folder) {
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }

    private ReplayEvaluation.Plan plan(Path folder) {
        if (dataset.equals("abcd")) {
            DialogueSet sample = limited(AbcdDialogues.read(folder.resolve("abcd_sample.json")));
            DialogueSet none = new DialogueSet("none", List.of(), List.of(), false);
            return new ReplayEvaluation.Plan(dataset, none, none, List.of(sample));
        }
        DialogueSet train = limited(SgdDialogues.read(folder, SgdDialogues.TRAIN));
        List<DialogueSet> replayed = SgdDialogues.REPLAYED.stream().map(s -> limited(SgdDialogues.read(folder, s))).toList();
        return ReplayEvaluation.Plan.splitTrain(dataset, train, feedbackShare, seed, replayed);
    }

    private DialogueSet limited(DialogueSet set) {
        if (maxDialogues <= 0 || set.dialogues().size() <= maxDialogues) {
            return set;
        }
        List<Dialogue> first = set.dialogues().subList(0, maxDialogues);
        return new DialogueSet(set.name(), first, set.problems(), set.hasActs());
    }

    private static void print(ReplayEvaluation.Report r, ReplayEvaluation.Plan plan, double seconds) {
        System.out.printf(Locale.ROOT, "History: %d dialogues, %d agent replies → %d Smart Reply entries (with the desk's sample history)%n",
                r.historyDialogues(), r.historyReplies(), r.allowlistEntries());
        if (r.training().isPresent()) {
            ReplayEvaluation.RankerTraining t = r.training().get();
            System.out.printf(Locale.ROOT, "Feedback: %d dialogues, %d agent turns, a suggestion matched (accepted/edited) in %d%n",
                    r.feedbackDialogues(), r.feedbackTurns(), r.feedbackUsed());
            System.out.println("Re-ranker: " + t.summary());
            if (!t.promoted()) {
                System.out.println("Re-ranker NOT promoted: it did not beat the confidence order on the held-out feedback "
                        + "(or had too little to learn from); the desk keeps the confidence order. Its rows are shown for comparison.");
            }
        } else {
            System.out.println("Re-ranker: no feedback dialogues, nothing to train: confidence order only.");
        }
        System.out.printf(Locale.ROOT, "A suggestion is the real reply by acts (past reply whose SGD act set equals the real turn's) "
                + "or by text (cosine ≥ %.2f).%n", ReplayEvaluation.SAME_TEXT);
        System.out.printf("%n%-18s %-25s %5s %6s %7s %7s %7s %7s %9s %9s%n", "split", "ranking", "dlgs", "turns",
                "acts@1", "acts@3", "text@1", "text@3", "abstained", "reachable");
        for (ReplayEvaluation.Row row : r.rows()) {
            System.out.printf(Locale.ROOT, "%-18s %-25s %5d %6d %7s %7s %7s %7s %9s %9s%n", row.split(), row.ranker(), row.dialogues(),
                    row.turns(), pct(row.actsAt1()), pct(row.actsAt3()), pct(row.textAt1()), pct(row.textAt3()),
                    pct(row.abstained()), pct(row.reachable()));
        }
        System.out.println("reachable: share of turns whose act set occurs in the history at all (the most acts@k can reach).");
        if (!r.problems().isEmpty()) {
            System.out.println(r.problems().size() + " files or dialogues skipped:");
            r.problems().forEach(p -> System.out.println("  " + p));
        }
        long suggested = plan.suggestedTurns();
        System.out.printf(Locale.ROOT, "%.0f s: %d turns with suggestions (feedback + each measured pass), %.2f turns/s; "
                + "load average %s (timings are noisy on shared cores)%n", seconds, suggested, suggested / seconds, loadAverage());
    }

    /** The 1-minute load average, to read the timing against; "n/a" where the system does not say. */
    private static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static String pct(Double share) {
        return share == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private void write(ReplayEvaluation.Report report) throws IOException {
        Files.createDirectories(out);
        Path json = out.resolve("replies-" + dataset + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        StringBuilder csv = new StringBuilder("dataset,split,ranker,dialogues,turns,acts_at1,acts_at3,text_at1,text_at3,abstained,reachable\n");
        for (ReplayEvaluation.Row r : report.rows()) {
            csv.append(String.join(",", r.dataset(), r.split(), '"' + r.ranker() + '"', Integer.toString(r.dialogues()),
                    Integer.toString(r.turns()), num(r.actsAt1()), num(r.actsAt3()), num(r.textAt1()), num(r.textAt3()),
                    num(r.abstained()), num(r.reachable()))).append('\n');
        }
        Path csvFile = out.resolve("replies-" + dataset + ".csv");
        Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
        System.out.println("\nWrote " + json + " and " + csvFile);
    }

    private static String num(Double share) {
        return share == null ? "" : String.format(Locale.ROOT, "%.4f", share);
    }
}
