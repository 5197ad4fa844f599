package app.tandem.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads evaluation data: CSV files of {@code text,category} (Banking77's layout, also accepted from
 * outside with --train/--test) and makes stratified splits that do not change between runs.
 */
public final class Datasets {

    private Datasets() {}

    /** Where {@code ../shared/datasets} is: $TANDEM_DATASETS, else found from the working folder up. */
    public static Optional<Path> sharedFolder() {
        String env = System.getenv("TANDEM_DATASETS");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/datasets");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The language most of {@code texts} are in ("zh" or "en"): which articles and encoder a question set is for. */
    public static String majorityLanguage(List<LabelledText> texts) {
        app.tandem.nlp.LanguageDetector detector = new app.tandem.nlp.LanguageDetector();
        long chinese = texts.stream().filter(t -> detector.detect(t.text()).code().equals("zh")).count();
        return chinese * 2 > texts.size() ? "zh" : "en";
    }

    /** Rows of a {@code text,category} CSV with a header line; quoted fields may hold commas and "". */
    public static List<LabelledText> readTextCategoryCsv(Path file) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = format.parse(in)) {
            if (!csv.getHeaderNames().contains("text") || !csv.getHeaderNames().contains("category")) {
                throw new IllegalArgumentException(file + ": the first line must name the columns text,category, found "
                        + csv.getHeaderNames());
            }
            List<LabelledText> out = new ArrayList<>();
            for (CSVRecord row : csv) {
                if (row.isConsistent() && !row.get("text").isBlank() && !row.get("category").isBlank()) {
                    out.add(new LabelledText(row.get("text").strip(), row.get("category").strip()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** A split of labelled data into two parts. */
    public record Split(List<LabelledText> train, List<LabelledText> held) {}

    /** Holds out {@code fraction} of each label (at least one), chosen with a fixed seed. */
    public static Split stratified(List<LabelledText> data, double fraction, long seed) {
        Map<String, List<LabelledText>> byLabel = new LinkedHashMap<>();
        data.forEach(d -> byLabel.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(d));
        Random random = new Random(seed);
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> held = new ArrayList<>();
        byLabel.keySet().stream().sorted(Comparator.naturalOrder()).forEach(label -> {
            List<LabelledText> rows = new ArrayList<>(byLabel.get(label));
            Collections.shuffle(rows, random);
            int n = Math.max(1, (int) Math.round(rows.size() * fraction));
            held.addAll(rows.subList(0, n));
            train.addAll(rows.subList(n, rows.size()));
        });
        return new Split(train, held);
    }
}
