package app.tandem.backup;

import app.tandem.backup.BackupRefusedException.Reason;
import app.tandem.work.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a backup as far as it can be checked without using it: a zip, a Tandem manifest of a format this Tandem
 * reads, every entry matching its SHA-256 and nothing else in it; then the database, extracted, opens as Tandem opens
 * its own (migrations validated and run) and holds the rows its manifest counted. The extracted files stay in the
 * folder given, so a restore moves exactly what was checked.
 */
final class BackupCheck {

    private final DatabaseCopies copies;

    BackupCheck(DatabaseCopies copies) {
        this.copies = copies;
    }

    /** Checks {@code backup}, extracting it into {@code into} (an empty folder the caller deletes). */
    CheckedBackup check(Path backup, Path into, Progress progress) {
        String name = backup.toAbsolutePath().normalize().toString();
        if (!Files.isRegularFile(backup)) {
            throw new BackupRefusedException(Reason.NO_SUCH_FILE, name);
        }
        BackupManifest manifest;
        try (ZipFile zip = open(backup, name)) {
            manifest = manifest(zip, name);
            requireSpace(zip, into);
            extract(zip, manifest, into, name, progress);
        } catch (IOException e) {
            if (BackupLayout.diskFull(e)) {
                throw new BackupRefusedException(Reason.DISK_FULL, into.toString());
            }
            // A read that fails half way through an entry: the zip's own data is broken.
            throw new BackupRefusedException(Reason.DAMAGED, name, "its zip structure");
        }
        progress.update(0, 1, "Opening the backed-up database");
        DatabaseCopies.Contents contents;
        try {
            contents = copies.openCopy(into);
        } catch (BackupRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BackupRefusedException(Reason.DATABASE_DOES_NOT_OPEN, name, String.valueOf(e.getMessage()));
        }
        for (Map.Entry<String, Long> table : manifest.rowCounts().entrySet()) {
            Long held = contents.rowCounts().get(table.getKey());
            if (!Objects.equals(held, table.getValue())) {
                throw new BackupRefusedException(Reason.ROWS_DIFFER, name, table.getKey(),
                        held == null ? "no" : held.toString(), table.getValue().toString());
            }
        }
        progress.update(1, 1, "Checked");
        return new CheckedBackup(backup, manifest, contents);
    }

    private static ZipFile open(Path backup, String name) {
        try {
            return new ZipFile(backup.toFile());
        } catch (ZipException e) {
            throw new BackupRefusedException(Reason.NOT_A_ZIP, name);
        } catch (IOException e) {
            throw new BackupRefusedException(Reason.NOT_A_ZIP, name);
        }
    }

    private static BackupManifest manifest(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
        if (entry == null || entry.getSize() > 16 << 20) {
            throw new BackupRefusedException(Reason.NOT_A_BACKUP, name);
        }
        byte[] json;
        try (InputStream in = zip.getInputStream(entry)) {
            json = in.readNBytes(16 << 20);
        }
        BackupManifest manifest = BackupManifest.parse(json, name)
                .orElseThrow(() -> new BackupRefusedException(Reason.NOT_A_BACKUP, name));
        if (!manifest.sha256().containsKey(BackupLayout.DATABASE)
                || !manifest.sha256().keySet().stream().allMatch(BackupLayout::isBackedUp)) {
            throw new BackupRefusedException(Reason.NOT_A_BACKUP, name);
        }
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String entryName = e.nextElement().getName();
            if (!entryName.equals(BackupManifest.ENTRY) && !manifest.sha256().containsKey(entryName)) {
                throw new BackupRefusedException(Reason.DAMAGED, name, entryName);
            }
        }
        return manifest;
    }

    /** Refuses before extracting when the entries would not fit, rather than filling the disk half way. */
    private static void requireSpace(ZipFile zip, Path into) throws IOException {
        long needed = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            needed += Math.max(0, e.nextElement().getSize());
        }
        Files.createDirectories(into);
        if (Files.getFileStore(into).getUsableSpace() < needed) {
            throw new BackupRefusedException(Reason.DISK_FULL, into.toString());
        }
    }

    private static void extract(ZipFile zip, BackupManifest manifest, Path into, String name, Progress progress)
            throws IOException {
        long total = 0;
        for (String entryName : manifest.sha256().keySet()) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                throw new BackupRefusedException(Reason.DAMAGED, name, entryName);
            }
            total += Math.max(0, entry.getSize());
        }
        long done = 0;
        byte[] buffer = new byte[1 << 20];
        for (Map.Entry<String, String> expected : manifest.sha256().entrySet()) {
            Path target = into.resolve(expected.getKey()).normalize();
            Files.createDirectories(target.getParent());
            MessageDigest digest = BackupWriter.sha256();
            try (InputStream in = zip.getInputStream(zip.getEntry(expected.getKey()));
                 OutputStream out = Files.newOutputStream(target)) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    digest.update(buffer, 0, n);
                    done += n;
                    progress.update(done, Math.max(done, total), "Checking " + expected.getKey());
                    progress.checkCancelled();
                }
            }
            if (!HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(expected.getValue())) {
                throw new BackupRefusedException(Reason.DAMAGED, name, expected.getKey());
            }
        }
    }
}
