package app.tandem.ml.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A softmax classifier over a handful of named, hand-made features (not sentence vectors): the
 * standardisation learned on the training rows, then a {@link LinearHead}. Plain Java at prediction
 * time, so a caller can score every candidate of every turn without touching the engine.
 *
 * @param features names of the features, in column order; a saved model is only usable by code that
 *                 computes the same features
 */
public record FeatureClassifier(List<String> features, Standardizer scaling, LinearHead head) {

    private static final int MAGIC = 0x54464331; // "TFC1"

    public FeatureClassifier {
        features = List.copyOf(features);
        if (scaling.dims() != features.size() || head.dims() != features.size()) {
            throw new IllegalArgumentException(features.size() + " features, but scaling has " + scaling.dims()
                    + " and the head " + head.dims());
        }
    }

    /** Softmax probabilities in the head's label order; NaN features count as the training mean. */
    public float[] probabilities(double[] row) {
        return head.probabilities(scaling.apply(row));
    }

    /** Writes the model into one file, replaced atomically so a reader never sees half a model. */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".partial");
        try {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
                out.writeInt(MAGIC);
                out.writeInt(features.size());
                for (String f : features) {
                    out.writeUTF(f);
                }
                scaling.writeTo(out);
                head.writeTo(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    public static FeatureClassifier read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is not a feature model file");
            }
            int count = in.readInt();
            if (count <= 0 || count > 10_000) {
                throw new IOException(file + ": implausible number of features " + count);
            }
            List<String> names = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                names.add(in.readUTF());
            }
            Standardizer scaling = Standardizer.readFrom(in, file.toString());
            LinearHead head = LinearHead.readFrom(in, file.toString());
            try {
                return new FeatureClassifier(names, scaling, head);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }
}
