package app.tandem.nlp.intent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * On a seat of an office, the promoted intent model is the office's: a version promoted (or rolled back to) here
 * is released to the office database, and a release made on another seat is taken into this seat's store as a
 * version of its own and promoted, so every agent's desk classifies with the same model. Versions keep the number
 * of the release they came from or went to ({@value #RELEASE_KEY} in their report), so a seat never takes back
 * what it released and never downloads one release twice.
 */
public final class OfficeIntentModel {

    static final String RELEASE_KEY = "office.release";

    private final IntentModelStore store;
    private final PromotedIntentModel promoted;
    private final IntentModelReleases releases;
    private final String seat;
    private final Clock clock;

    public OfficeIntentModel(IntentModelStore store, PromotedIntentModel promoted, IntentModelReleases releases, String seat,
                             Clock clock) {
        this.store = store;
        this.promoted = promoted;
        this.releases = releases;
        this.seat = seat;
        this.clock = clock;
    }

    /** Releases this seat's current version to the office (after a promotion or a rollback here). */
    public synchronized void releaseCurrent() {
        Optional<String> current = store.current();
        if (current.isEmpty()) {
            return;
        }
        String id = current.get();
        Map<String, String> report = new LinkedHashMap<>(store.report(id));
        report.remove(RELEASE_KEY);
        try {
            Path zip = Files.createTempFile("tandem-intent-model", ".zip");
            try {
                zip(store.folder(id), zip);
                long seq;
                try (InputStream in = Files.newInputStream(zip)) {
                    seq = releases.release(id, report, in, seat, clock.instant());
                }
                report.put(RELEASE_KEY, Long.toString(seq));
                store.annotate(id, report);
            } finally {
                Files.deleteIfExists(zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release intent model " + id + " to the office", e);
        }
    }

    /**
     * Makes the office's model this seat's current one when it is not; returns the local version switched to.
     * Downloads it only when no local version came from (or went to) that release.
     */
    public synchronized Optional<String> follow() {
        Optional<IntentModelReleases.Release> office = releases.current();
        if (office.isEmpty()) {
            return Optional.empty();
        }
        String seq = Long.toString(office.get().seq());
        Optional<String> local = store.versions().stream().filter(v -> seq.equals(v.report().get(RELEASE_KEY)))
                .map(IntentModelStore.Version::id).findFirst();
        if (local.isPresent() && local.equals(store.current())) {
            return Optional.empty();
        }
        try {
            String id = local.isPresent() ? local.get() : download(office.get());
            store.promote(id);
            promoted.reload();
            return Optional.of(id);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not take the office's intent model (release " + seq + ")", e);
        }
    }

    private String download(IntentModelReleases.Release release) throws IOException {
        Path staging = store.newStaging();
        Path zip = Files.createTempFile("tandem-intent-model", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(zip)) {
                releases.read(release.seq(), out);
            }
            unzip(zip, staging);
            Map<String, String> report = new LinkedHashMap<>(release.report());
            report.put(RELEASE_KEY, Long.toString(release.seq()));
            report.put("office.released.by", release.releasedBy());
            report.put("office.released.version", release.version());
            return store.commit(staging, report);
        } catch (IOException | RuntimeException e) {
            store.discard(staging);
            throw e;
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    static void zip(Path folder, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(folder.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    /** Refuses an entry that would land outside {@code folder} (a damaged or crafted release). */
    static void unzip(Path zip, Path folder) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IOException("The office's intent model holds a file outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        if (!Files.isRegularFile(root.resolve(IntentModelStore.HEAD_FILE))) {
            throw new IOException("The office's intent model has no " + IntentModelStore.HEAD_FILE + ".");
        }
    }
}
