package app.tandem.ml.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads a model's files from the classpath (they sit at the root of their Maven artifact's jar)
 * and refuses any whose sha256 differs from the catalog's: a changed file would give silently
 * different vectors, which is worse than no vectors.
 */
public final class ModelFiles {

    private ModelFiles() {
    }

    public static byte[] onnx(ModelDescriptor d) throws ModelUnavailableException {
        return readVerified(d, d.onnxResource(), d.onnxSha256());
    }

    public static byte[] tokenizer(ModelDescriptor d) throws ModelUnavailableException {
        return readVerified(d, d.tokenizerResource(), d.tokenizerSha256());
    }

    static byte[] readVerified(ModelDescriptor d, String resource, String expectedSha256)
            throws ModelUnavailableException {
        byte[] bytes;
        try (InputStream in = ModelFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ModelUnavailableException("model " + d.id() + ": file " + resource
                        + " is not on the classpath (it comes from " + d.artifact() + ")");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelUnavailableException("model " + d.id() + ": cannot read " + resource + ": "
                    + e.getMessage(), e);
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(expectedSha256)) {
            throw new ModelUnavailableException("model " + d.id() + ": file " + resource
                    + " is corrupt or a different version (sha256 " + actual + ", catalog expects "
                    + expectedSha256 + ")");
        }
        return bytes;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
