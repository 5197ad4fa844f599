package app.tandem.ml.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The encoders Tandem knows, read from the classpath folder {@code models/}: {@code models/index.txt}
 * names one descriptor per line ({@code models/<id>.properties}, UTF-8). The folder is the repository's
 * top-level {@code models/}, copied into the jar by the build, so the catalog works from
 * {@code java -jar} in any working directory.
 */
public final class ModelCatalog {

    public static final String RESOURCE_FOLDER = "models/";

    private final Map<String, ModelDescriptor> models;

    private ModelCatalog(Map<String, ModelDescriptor> models) {
        this.models = models;
    }

    /** Loads the catalog shipped on the classpath. A malformed descriptor is a build error, so it throws. */
    public static ModelCatalog load() {
        ClassLoader loader = ModelCatalog.class.getClassLoader();
        Map<String, ModelDescriptor> models = new LinkedHashMap<>();
        for (String file : readIndex(loader)) {
            ModelDescriptor d = parse(file, open(loader, RESOURCE_FOLDER + file));
            models.put(d.id(), d);
        }
        return new ModelCatalog(Collections.unmodifiableMap(models));
    }

    public static ModelCatalog of(List<ModelDescriptor> descriptors) {
        Map<String, ModelDescriptor> models = new LinkedHashMap<>();
        descriptors.forEach(d -> models.put(d.id(), d));
        return new ModelCatalog(models);
    }

    public Optional<ModelDescriptor> find(String id) {
        return Optional.ofNullable(models.get(id));
    }

    public List<ModelDescriptor> all() {
        return List.copyOf(models.values());
    }

    private static List<String> readIndex(ClassLoader loader) {
        List<String> files = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(
                new InputStreamReader(open(loader, RESOURCE_FOLDER + "index.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    files.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the model catalog index", e);
        }
        return files;
    }

    private static InputStream open(ClassLoader loader, String resource) {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("model catalog resource " + resource + " is not on the classpath");
        }
        return in;
    }

    static ModelDescriptor parse(String file, InputStream in) {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read model descriptor " + file, e);
        }
        try {
            BertArchitecture arch = new BertArchitecture(
                    integer(p, "layers"), integer(p, "hidden"), integer(p, "heads"), integer(p, "intermediate"),
                    integer(p, "vocabulary"), integer(p, "max.positions"), integer(p, "type.vocabulary"),
                    Float.parseFloat(required(p, "layer.norm.epsilon")));
            return new ModelDescriptor(
                    required(p, "id"),
                    Arrays.stream(required(p, "languages").split(",")).map(String::strip).toList(),
                    required(p, "artifact"),
                    required(p, "onnx.resource"),
                    required(p, "onnx.sha256"),
                    required(p, "tokenizer.resource"),
                    required(p, "tokenizer.sha256"),
                    required(p, "weights"),
                    arch,
                    Pooling.parse(required(p, "pooling")),
                    Boolean.parseBoolean(required(p, "normalize")),
                    integer(p, "max.tokens"),
                    p.getProperty("query.prefix", ""),
                    p.getProperty("passage.prefix", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("model descriptor " + file + " is invalid: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v.strip();
    }

    private static int integer(Properties p, String key) {
        return Integer.parseInt(required(p, key));
    }
}
