package app.tandem.nlp.intent;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The intent models Tandem trained, one folder per version under {@code <dataFolder>/models/trained/intent}:
 * <pre>
 * versions.properties         current=v003, promoted=v001,v003 (promotion history, for rollback)
 * v003/head.bin               the softmax head (see ml.train.LinearHead)
 * v003/report.properties      what it was trained on, how it scored, why it was (not) promoted
 * v003/encoder/encoder.params fine-tuned encoder weights with evaluation.properties (fine-tuned versions only)
 * </pre>
 * A run writes into a staging folder and becomes a version only by one atomic rename when it has
 * finished; a cancelled or crashed run leaves at most a staging folder, which is never loaded and is
 * removed on the next run. Earlier versions are kept for rollback. Not thread-safe for writers: one
 * training run at a time (the training service enforces it).
 */
public final class IntentModelStore {

    public static final String HEAD_FILE = "head.bin";
    public static final String REPORT_FILE = "report.properties";
    public static final String ENCODER_FOLDER = "encoder";
    private static final String INDEX = "versions.properties";
    private static final String STAGING_PREFIX = ".staging-";

    /** A saved version and its report; {@code current} when it is the one the desk uses. */
    public record Version(String id, Map<String, String> report, boolean current) {
        public Optional<Double> validationAccuracy() {
            return Optional.ofNullable(report.get("validation.accuracy")).map(Double::parseDouble);
        }
    }

    private final Path root;

    public IntentModelStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A fresh staging folder for a run; earlier leftovers are removed. */
    public Path newStaging() throws IOException {
        Files.createDirectories(root);
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                deleteTree(p);
            }
        }
        return Files.createDirectory(root.resolve(STAGING_PREFIX + UUID.randomUUID()));
    }

    /** Turns a finished staging folder into the next version (not promoted); returns its id. */
    public synchronized String commit(Path staging, Map<String, String> report) throws IOException {
        writeProperties(staging.resolve(REPORT_FILE), report, "Intent model report");
        String id = nextId();
        Files.move(staging, root.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        return id;
    }

    public void discard(Path staging) {
        try {
            deleteTree(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + staging, e);
        }
    }

    /** Every version, newest first. */
    public List<Version> versions() {
        Optional<String> current = current();
        List<Version> out = new ArrayList<>();
        for (String id : ids()) {
            out.add(new Version(id, report(id), current.map(id::equals).orElse(false)));
        }
        out.sort(Comparator.comparing(Version::id).reversed());
        return out;
    }

    public Optional<String> current() {
        String c = index().getProperty("current", "");
        return c.isEmpty() || !Files.isRegularFile(folder(c).resolve(HEAD_FILE)) ? Optional.empty() : Optional.of(c);
    }

    public Optional<Version> currentVersion() {
        return current().map(id -> new Version(id, report(id), true));
    }

    public Path folder(String id) {
        if (!id.matches("v\\d{3,}")) {
            throw new IllegalArgumentException("not a version id: " + id);
        }
        return root.resolve(id);
    }

    public Map<String, String> report(String id) {
        Path file = folder(id).resolve(REPORT_FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        new TreeMap<>(p).forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    /** Makes {@code id} the current version (a supervisor's choice, or a run that beat the current one). */
    public synchronized void promote(String id) throws IOException {
        if (!Files.isRegularFile(folder(id).resolve(HEAD_FILE))) {
            throw new IllegalArgumentException("no intent model " + id);
        }
        Properties index = index();
        List<String> history = history(index);
        history.remove(id);
        history.add(id);
        index.setProperty("current", id);
        index.setProperty("promoted", String.join(",", history));
        writeIndex(index);
    }

    /** Replaces version {@code id}'s report (the office notes which release a version is). */
    public synchronized void annotate(String id, Map<String, String> report) throws IOException {
        if (!Files.isDirectory(folder(id))) {
            throw new IllegalArgumentException("no intent model " + id);
        }
        writeProperties(folder(id).resolve(REPORT_FILE), report, "Intent model report");
    }

    /** The version {@link #rollback()} would go back to; empty when there is nothing to go back to. */
    public Optional<String> previous() {
        List<String> history = history(index());
        return history.size() < 2 ? Optional.empty() : Optional.of(history.get(history.size() - 2));
    }

    /**
     * Goes back to the version promoted before the current one; the current one stays on disk.
     * Returns the version now current, or empty when there was nothing to go back to (then nothing changes).
     */
    public synchronized Optional<String> rollback() throws IOException {
        Properties index = index();
        List<String> history = history(index);
        if (history.size() < 2) {
            return Optional.empty();
        }
        history.remove(history.size() - 1);
        String previous = history.get(history.size() - 1);
        index.setProperty("current", previous);
        index.setProperty("promoted", String.join(",", history));
        writeIndex(index);
        return Optional.of(previous);
    }

    private static List<String> history(Properties index) {
        String h = index.getProperty("promoted", "");
        return h.isEmpty() ? new ArrayList<>() : new ArrayList<>(Arrays.asList(h.split(",")));
    }

    private List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("v\\d{3,}")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    private String nextId() {
        int max = ids().stream().mapToInt(s -> Integer.parseInt(s.substring(1))).max().orElse(0);
        return String.format("v%03d", max + 1);
    }

    private Properties index() {
        Properties p = new Properties();
        Path file = root.resolve(INDEX);
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return p;
    }

    private void writeIndex(Properties index) throws IOException {
        Map<String, String> m = new TreeMap<>();
        index.forEach((k, v) -> m.put(k.toString(), v.toString()));
        writeProperties(root.resolve(INDEX), m, "Intent model versions: current and promotion history");
    }

    static void writeProperties(Path file, Map<String, String> values, String comment) throws IOException {
        Files.createDirectories(file.getParent());
        Properties p = new Properties();
        p.putAll(new TreeMap<>(values));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, comment);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
