package app.tandem.ml.catalog;

/**
 * A catalogued model cannot be used: its file is missing from the classpath, its checksum does not
 * match, or it does not have the shape its descriptor promises. The message is meant for a person.
 */
public class ModelUnavailableException extends Exception {

    public ModelUnavailableException(String message) {
        super(message);
    }

    public ModelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
