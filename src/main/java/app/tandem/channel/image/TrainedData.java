package app.tandem.channel.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Tesseract's trained data, which the build puts in the jar under {@code models/ocr/}. Tesseract reads files, not
 * class-path resources, so they are unpacked once into a cache folder named after their content: a new build with
 * other data gets a new folder, and a half-written file from a crash is never taken for a whole one.
 */
public final class TrainedData {

    static final String RESOURCE_FOLDER = "/models/ocr/";
    static final List<String> FILES = List.of("eng.traineddata", "chi_sim.traineddata");

    private TrainedData() {}

    /** The folder under {@code cacheRoot} holding the trained data, unpacking it first if needed. */
    public static Path unpackedUnder(Path cacheRoot) {
        try {
            Path folder = cacheRoot.resolve("ocr-" + contentId());
            Files.createDirectories(folder);
            for (String file : FILES) {
                Path target = folder.resolve(file);
                if (!Files.exists(target)) {
                    Path partial = Files.createTempFile(folder, file, ".part");
                    try (InputStream in = resource(file)) {
                        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    }
                    move(partial, target);
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the OCR trained data into " + cacheRoot, e);
        }
    }

    /**
     * The cache used when the caller has no folder of its own (the eval command): the temporary folder, one
     * subfolder per user, since another user's folder there may not be writable. The desk passes its data folder.
     */
    public static Path unpacked() {
        return unpackedUnder(Path.of(System.getProperty("java.io.tmpdir"), "tandem-" + System.getProperty("user.name")));
    }

    private static void move(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Another reader unpacked the same file meanwhile; its copy is as good as ours.
            Files.deleteIfExists(partial);
            if (!Files.exists(target)) {
                throw e;
            }
        }
    }

    private static String contentId() throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String file : FILES) {
                try (InputStream in = resource(file)) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private static InputStream resource(String file) throws IOException {
        InputStream in = TrainedData.class.getResourceAsStream(RESOURCE_FOLDER + file);
        if (in == null) {
            throw new IOException("The build has no " + RESOURCE_FOLDER + file + " (see models/ocr/README.md)");
        }
        return in;
    }
}
