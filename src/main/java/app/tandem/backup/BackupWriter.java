package app.tandem.backup;

import app.tandem.backup.BackupRefusedException.Reason;
import app.tandem.work.Progress;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one backup zip of a data folder while the desk keeps working: a consistent copy of the database, the
 * settings and the trained models, then {@code manifest.json}. The zip is written under a temporary name beside the
 * target, forced to the disk and only then renamed to the target, so a backup cut off half way (a full disk, an
 * unplugged drive, a crash) never looks like a complete one.
 */
final class BackupWriter {

    private static final Logger log = LoggerFactory.getLogger(BackupWriter.class);
    private static final int CHUNK = 1 << 20;

    /** What was written: the file, its manifest and its size on disk. */
    record Written(Path file, BackupManifest manifest, long bytes) {}

    private final Path dataFolder;
    private final DatabaseCopies copies;
    private final String tandemVersion;
    private final Clock clock;

    BackupWriter(Path dataFolder, DatabaseCopies copies, String tandemVersion, Clock clock) {
        this.dataFolder = dataFolder;
        this.copies = copies;
        this.tandemVersion = tandemVersion;
        this.clock = clock;
    }

    Written write(Path target, boolean replace, Progress progress) {
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (!replace && Files.exists(file)) {
            throw new BackupRefusedException(Reason.TARGET_EXISTS, file.toString());
        }
        Path partial = folder.resolve("." + file.getFileName() + ".partial");
        Path work = null;
        try {
            Files.createDirectories(folder);
            work = Files.createTempDirectory("tandem-backup");
            progress.update(0, 1, "Copying the database");
            DatabaseCopies.Contents contents = copies.copyLive(work);
            progress.checkCancelled();
            List<Source> sources = new ArrayList<>();
            sources.add(new Source(BackupLayout.DATABASE, work.resolve(DatabaseCopies.FILE_NAME)));
            for (String name : BackupLayout.filesBesideTheDatabase(dataFolder)) {
                sources.add(new Source(name, dataFolder.resolve(name)));
            }
            BackupManifest manifest = zip(partial, sources, contents, progress);
            Files.move(partial, file, replace
                    ? new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING}
                    : new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE});
            forceFolder(folder);
            return new Written(file, manifest, Files.size(file));
        } catch (AtomicMoveNotSupportedException e) {
            throw new BackupRefusedException(Reason.NOT_WRITTEN, file.toString(), "the folder cannot rename files in one step");
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new BackupRefusedException(Reason.TARGET_EXISTS, file.toString());
        } catch (IOException e) {
            if (BackupLayout.diskFull(e)) {
                throw new BackupRefusedException(Reason.DISK_FULL, folder.toString());
            }
            throw new BackupRefusedException(Reason.NOT_WRITTEN, file.toString(), String.valueOf(e.getMessage()));
        } finally {
            deleteQuietly(partial);
            if (work != null) {
                WorkFolders.delete(work);
            }
        }
    }

    private record Source(String name, Path file) {}

    private BackupManifest zip(Path partial, List<Source> sources, DatabaseCopies.Contents contents, Progress progress)
            throws IOException {
        long total = 0;
        for (Source s : sources) {
            total += Files.size(s.file());
        }
        SortedMap<String, String> sha256 = new TreeMap<>();
        BackupManifest manifest;
        try (FileOutputStream file = new FileOutputStream(partial.toFile());
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, CHUNK))) {
            long done = 0;
            byte[] buffer = new byte[CHUNK];
            for (Source s : sources) {
                MessageDigest digest = sha256();
                zip.putNextEntry(new ZipEntry(s.name()));
                try (InputStream in = Files.newInputStream(s.file())) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        zip.write(buffer, 0, n);
                        digest.update(buffer, 0, n);
                        done += n;
                        progress.update(done, total, "Writing " + s.name());
                        progress.checkCancelled();
                    }
                }
                zip.closeEntry();
                sha256.put(s.name(), HexFormat.of().formatHex(digest.digest()));
            }
            manifest = new BackupManifest(BackupManifest.FORMAT_VERSION, clock.instant(), tandemVersion,
                    contents.schemaVersion(), contents.rowCounts(), sha256);
            zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
            zip.write(manifest.toJson());
            zip.closeEntry();
            zip.finish();
            zip.flush();
            // On the disk before the rename: otherwise a power cut after it could leave a complete name over
            // an empty or partial file.
            file.getFD().sync();
        }
        return manifest;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Makes the rename itself durable where the platform allows forcing a folder (Linux); elsewhere a no-op. */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("Could not force the folder {} to disk: {}", folder, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the unfinished backup {}: {}", file, e.toString());
        }
    }
}
