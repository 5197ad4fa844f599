package app.tandem.eval.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The Tandem the targets share in one run, started over a scratch data folder when the first target needs it
 * (starting Tandem takes seconds: once per run, not per case or target). After a case that ran past its limit,
 * a fresh one is started: that case may still be writing, and later cases must not be judged on a store it
 * changes. The scratch folders go when the run ends.
 */
final class ScratchDesk implements AutoCloseable {

    private final FuzzDesk.Opener opener;
    private final Path root;
    private final AtomicInteger started = new AtomicInteger();
    private Instance current;

    /** One started Tandem and its folder; a case holds on to the one it started with. */
    static final class Instance {

        private final Path folder;
        private final FuzzDesk desk;

        private Instance(Path folder, FuzzDesk desk) {
            this.folder = folder;
            this.desk = desk;
        }

        FuzzDesk desk() {
            return desk;
        }

        /** A fresh folder for the files of one case, beside the data folder. */
        Path caseFolder() throws IOException {
            return Files.createTempDirectory(folder, "case-");
        }

        private void close() {
            try {
                desk.close();
            } finally {
                delete(folder);
            }
        }
    }

    ScratchDesk(FuzzDesk.Opener opener) {
        this.opener = opener;
        try {
            this.root = Files.createTempDirectory("tandem-fuzz-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch folder for the fuzz run", e);
        }
    }

    synchronized Instance current() {
        if (current == null) {
            Path folder = root.resolve("desk-" + started.incrementAndGet());
            current = new Instance(folder, opener.open(folder.resolve("data")));
        }
        return current;
    }

    /**
     * Puts {@code stale} aside for a fresh Tandem at the next {@link #current()}, unless that happened already. It
     * is closed on a thread of its own, since its close may wait for the case still running on it.
     */
    synchronized void replace(Instance stale) {
        if (current != stale) {
            return;
        }
        current = null;
        Thread closing = new Thread(stale::close, "fuzz-close-desk");
        closing.setDaemon(true);
        closing.start();
    }

    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch file left in the temp directory is harmless.
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (current != null) {
                current.close();
            }
        } finally {
            delete(root);
        }
    }
}
