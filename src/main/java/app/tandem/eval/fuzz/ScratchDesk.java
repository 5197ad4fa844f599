package app.tandem.eval.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A Tandem started over a data folder of its own, for one target's cases; the folder goes when it closes. */
final class ScratchDesk implements AutoCloseable {

    private final FuzzDesk.Opener opener;
    private final String target;
    private final Path folder;
    private final FuzzDesk desk;

    ScratchDesk(FuzzDesk.Opener opener, String target) {
        this.opener = opener;
        this.target = target;
        try {
            folder = Files.createTempDirectory("tandem-fuzz-" + target + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch folder for the fuzz target " + target, e);
        }
        desk = opener.open(folder.resolve("data"));
    }

    /**
     * A fresh Tandem for the cases after one that ran past its limit: that case may still be writing, and later
     * cases must not be judged on a store it changes. This one is closed on a thread of its own, since its close
     * may wait for that case.
     */
    ScratchDesk replaced() {
        Thread closing = new Thread(this::close, "fuzz-close-" + target);
        closing.setDaemon(true);
        closing.start();
        return new ScratchDesk(opener, target);
    }

    FuzzDesk desk() {
        return desk;
    }

    /** A folder for the files of one case, beside the data folder. */
    Path caseFolder() throws IOException {
        return Files.createDirectories(folder.resolve("case"));
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
    public void close() {
        try {
            desk.close();
        } finally {
            delete(folder);
        }
    }
}
