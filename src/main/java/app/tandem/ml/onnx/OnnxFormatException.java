package app.tandem.ml.onnx;

/** The ONNX file is not what the importer expects: truncated, an unknown layout or a missing tensor. */
public class OnnxFormatException extends RuntimeException {

    public OnnxFormatException(String message) {
        super(message);
    }

    public OnnxFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
