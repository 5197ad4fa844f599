package app.tandem.ml.bert;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Weights Tandem trained itself, kept in DJL's parameter format in a folder of their own:
 * {@code encoder.params} and, beside it, {@code evaluation.properties} (the report that justified
 * promoting them). A folder holding both replaces the imported ONNX weights of that model.
 */
public final class TrainedWeights {

    public static final String PARAMS_FILE = "encoder.params";
    public static final String REPORT_FILE = "evaluation.properties";

    private TrainedWeights() {
    }

    /** True when {@code folder} holds a complete saved set (parameters and report). */
    public static boolean present(Path folder) {
        return Files.isRegularFile(folder.resolve(PARAMS_FILE)) && Files.isRegularFile(folder.resolve(REPORT_FILE));
    }

    /**
     * Writes the block's parameters and the report. Files are written under temporary names and then
     * moved, so a crash mid-save never leaves a half-written set that would be loaded next time.
     */
    public static void save(BertEncoderBlock block, Map<String, String> report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path paramsTmp = folder.resolve(PARAMS_FILE + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(paramsTmp));
                DataOutputStream data = new DataOutputStream(out)) {
            block.saveParameters(data);
        }
        Path reportTmp = folder.resolve(REPORT_FILE + ".tmp");
        Properties p = new Properties();
        p.putAll(new TreeMap<>(report));
        try (Writer w = Files.newBufferedWriter(reportTmp, StandardCharsets.UTF_8)) {
            p.store(w, "Evaluation of the weights in " + PARAMS_FILE);
        }
        Files.move(paramsTmp, folder.resolve(PARAMS_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        Files.move(reportTmp, folder.resolve(REPORT_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads saved parameters into a new block of the same architecture. */
    public static void load(BertEncoderBlock block, NDManager manager, Path folder) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(folder.resolve(PARAMS_FILE)));
                DataInputStream data = new DataInputStream(in)) {
            block.loadParameters(manager, data);
        } catch (MalformedModelException e) {
            throw new IOException("saved weights in " + folder + " do not fit this model: " + e.getMessage(), e);
        }
    }

    public static Map<String, String> report(Path folder) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(folder.resolve(REPORT_FILE), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new LinkedHashMap<>();
        new TreeMap<>(p).forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }
}
