package app.tandem.backup;

import app.tandem.work.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule's side of backups: asked every few minutes by Tandem's scheduler, it takes a backup into the
 * schedule's folder when the newest one there is older than the interval, and only once that one is written and
 * checked deletes the oldest beyond the number to keep. Names carry the UTC time, so they sort by time and the
 * newest is known after a restart. A failure (a drive unplugged, a full disk) is logged, told to the listeners once
 * until a backup succeeds again, and never thrown at the desk.
 */
public final class ScheduledBackups {

    private static final Logger log = LoggerFactory.getLogger(ScheduledBackups.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("tandem-backup-(\\d{8}-\\d{6}Z)\\.zip");

    private final OfficeBackups backups;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Consumer<BackupRefusedException>> failureListeners = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    public ScheduledBackups(OfficeBackups backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    /** {@code listener} hears a failed scheduled backup, once per run of failures; called on the backup's thread. */
    public void addFailureListener(Consumer<BackupRefusedException> listener) {
        failureListeners.add(listener);
    }

    public void removeFailureListener(Consumer<BackupRefusedException> listener) {
        failureListeners.remove(listener);
    }

    /** Takes a backup if one is due; the file written, or empty when none was due (or one is already running). */
    public Optional<Path> runIfDue() {
        BackupSchedule schedule = backups.schedule();
        if (!schedule.on() || !running.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            Path folder = schedule.folder().orElseThrow();
            if (!Files.isDirectory(folder)) {
                // Never created here: an unplugged drive's mount point would fill the system disk instead.
                throw new BackupRefusedException(BackupRefusedException.Reason.FOLDER_MISSING, folder.toString());
            }
            Instant now = clock.instant();
            Optional<Instant> newest = taken(folder).stream().map(Dated::at).max(Comparator.naturalOrder());
            if (newest.isPresent() && Duration.between(newest.get(), now).compareTo(Duration.ofHours(schedule.everyHours())) < 0) {
                return Optional.empty();
            }
            Path file = folder.resolve("tandem-backup-" + STAMP.format(now) + ".zip");
            OfficeBackups.Taken taken = backups.backUp(file, false, Progress.NONE);
            log.info("Scheduled backup written and checked: {} ({} bytes, {} rows)", taken.file(), taken.bytes(), taken.manifest().rows());
            keepNewest(folder, schedule.keep());
            failing = false;
            return Optional.of(taken.file());
        } catch (BackupRefusedException e) {
            failed(e);
        } catch (RuntimeException e) {
            failed(new BackupRefusedException(BackupRefusedException.Reason.NOT_WRITTEN,
                    schedule.folder().map(Path::toString).orElse(""), String.valueOf(e.getMessage())));
        } finally {
            running.set(false);
        }
        return Optional.empty();
    }

    private void failed(BackupRefusedException e) {
        log.warn("Scheduled backup failed: {}", e.getMessage());
        if (!failing) {
            failing = true;
            failureListeners.forEach(l -> l.accept(e));
        }
    }

    private record Dated(Path file, Instant at) {}

    /** The scheduled backups in {@code folder}, by the time in their names; other files there are not ours. */
    private static List<Dated> taken(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.flatMap(f -> {
                Matcher m = NAME.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    return Stream.empty();
                }
                try {
                    return Stream.of(new Dated(f, Instant.from(STAMP.parse(m.group(1)))));
                } catch (DateTimeParseException e) {
                    return Stream.empty();
                }
            }).toList();
        } catch (IOException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.FOLDER_MISSING, folder.toString());
        }
    }

    private static void keepNewest(Path folder, int keep) {
        List<Dated> oldestFirst = taken(folder).stream().sorted(Comparator.comparing(Dated::at)).toList();
        for (Dated old : oldestFirst.subList(0, Math.max(0, oldestFirst.size() - keep))) {
            try {
                Files.deleteIfExists(old.file());
                log.info("Deleted the old backup {} (keeping the newest {})", old.file(), keep);
            } catch (IOException e) {
                log.warn("Could not delete the old backup {}: {}", old.file(), e.toString());
            }
        }
    }
}
