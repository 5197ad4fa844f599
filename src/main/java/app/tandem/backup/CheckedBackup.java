package app.tandem.backup;

import java.nio.file.Path;

/** A backup that passed its check: its manifest, and what its database held before any migration ran on it. */
public record CheckedBackup(Path file, BackupManifest manifest, DatabaseCopies.Contents contents) {}
