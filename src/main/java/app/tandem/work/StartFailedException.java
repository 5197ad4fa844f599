package app.tandem.work;

/** Opening the data folder failed for the reason {@link #failure()} gives; the cause is the original exception. */
public final class StartFailedException extends RuntimeException {

    private final StartFailure failure;

    public StartFailedException(StartFailure failure, Throwable cause) {
        super(failure.reason() + " at " + failure.step() + " (" + failure.where() + "): " + failure.detail(), cause);
        this.failure = failure;
    }

    public StartFailure failure() {
        return failure;
    }
}
