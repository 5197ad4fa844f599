package app.tandem.kb.curation;

/** The person's role does not allow this change to the knowledge base. */
public final class NotPermittedException extends RuntimeException {

    public NotPermittedException(String message) {
        super(message);
    }
}
