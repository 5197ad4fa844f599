package app.tandem.work;

/**
 * How long work reports how far it is and learns that it should stop. The UI backs it with a
 * JavaFX Task, the command line with a text progress bar, tests with {@link #NONE}.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void update(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
            return Thread.currentThread().isInterrupted();
        }
    };

    void update(long done, long total, String message);

    /** A step of opening a data folder: the start window words it in the person's language, everyone else sees its English. */
    default void step(long done, long total, StartStep step) {
        update(done, total, step.english());
    }

    /** Long work checks this between steps and stops early, leaving saved state as it was. */
    boolean isCancelled();

    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Thrown by work that noticed it was cancelled. */
    final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("Cancelled");
        }
    }
}
