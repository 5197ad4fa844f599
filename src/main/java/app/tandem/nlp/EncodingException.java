package app.tandem.nlp;

/** Encoding did not complete: the service was closed, the thread interrupted, or inference failed. */
public class EncodingException extends RuntimeException {

    public EncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
