package app.tandem.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system prefix {@code forced:}: every write to the database file is forced to the disk
 * ({@code fdatasync}) before it returns. H2 itself forces the file only when it closes, so a commit that
 * returned was in the operating system's cache, where a power cut or a frozen PC's reset loses it.
 * With {@code WRITE_DELAY=0} the committing thread writes its chunk itself, so once the write is forced the
 * commit is on the disk when the call that made it returns (cost measured in docs/experiments/durability.md).
 *
 * <p>Written on H2's own extension point for this ({@link FilePathWrapper}, as its {@code retry:} and
 * {@code split:} prefixes are), so it stacks with {@code retry:} beneath it. Public only because H2 creates
 * one per file name by reflection; Tandem reaches it through {@link Database}.
 */
public final class ForcedWritesPath extends FilePathWrapper {

    static final String SCHEME = "forced";

    static {
        FilePath.register(new ForcedWritesPath());
    }

    /** Makes sure the prefix is registered before a URL that names it is opened. */
    static void register() {
        // The static initialiser does the work; calling this loads the class.
    }

    /** For H2, which creates one per path by reflection. */
    public ForcedWritesPath() {
        // Nothing to set up: the base path is given by H2 after construction.
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FileChannel base = getBase().open(mode);
        return "r".equals(mode) ? base : new ForcedChannel(base);
    }

    /** The base channel, with a force after each write: the data, and the file length it needs, reach the disk. */
    private static final class ForcedChannel extends FileBase {

        private final FileChannel base;

        ForcedChannel(FileChannel base) {
            this.base = base;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            int written = base.write(src);
            base.force(false);
            return written;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            int written = base.write(src, position);
            base.force(false);
            return written;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return base.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return base.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            base.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            base.truncate(size);
            base.force(true);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            base.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return base.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            base.close();
        }

        @Override
        public String toString() {
            return SCHEME + ":" + base;
        }
    }
}
