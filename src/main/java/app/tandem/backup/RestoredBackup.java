package app.tandem.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a restore did: the backup's manifest, and where the database and other files it replaced were kept. */
public record RestoredBackup(BackupManifest manifest, Optional<Path> keptDatabase, List<Path> keptFiles) {}
