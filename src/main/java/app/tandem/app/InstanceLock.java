package app.tandem.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One Tandem per data folder: an OS file lock on {@code tandem.lock}, released by the OS even if
 * the process dies, so a crash never leaves the folder locked.
 */
public final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Thrown when another Tandem already uses the folder. */
    public static final class AlreadyOpenException extends app.tandem.work.DataFolderInUseException {
        AlreadyOpenException(Path folder) {
            super(folder);
        }
    }

    public static InstanceLock acquire(Path folder) {
        try {
            Files.createDirectories(folder);
            FileChannel channel = FileChannel.open(folder.resolve("tandem.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new AlreadyOpenException(folder);
            }
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the data folder " + folder, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS drops the lock with the process anyway.
        }
    }
}
