package app.tandem.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The public intent datasets in {@code shared/datasets} as train / validation / test parts (see each
 * SOURCE.md). Validation is for early stopping and the out-of-scope threshold; figures are reported
 * on test. Banking77 and DSTC11 ship no test split here, so a stratified part of their data is held
 * out as test (fixed seed) and never trained on.
 *
 * @param validation        empty: the trainer holds out 10% of {@code train} itself
 * @param outOfScopeValidation out-of-scope sentences for calibration (CLINC150 only)
 * @param outOfScopeTest    out-of-scope sentences scored with label {@code oos} (CLINC150 only)
 */
public record IntentBenchmarks(String name, List<LabelledText> train, List<LabelledText> validation,
        List<LabelledText> test, List<String> outOfScopeValidation, List<String> outOfScopeTest, String description) {

    public static final List<String> KNOWN = List.of("banking77", "clinc150", "hwu64", "dstc11-insurance");

    public static IntentBenchmarks load(String name, Path datasets, double testFraction, long seed) {
        Path folder = datasets.resolve(name);
        switch (name) {
            case "banking77": {
                Datasets.Split s = Datasets.stratified(Datasets.readTextCategoryCsv(folder.resolve("train.csv")), testFraction, seed);
                return new IntentBenchmarks(name, s.train(), List.of(), s.held(), List.of(), List.of(),
                        "banking77 train.csv; test = stratified " + testFraction + " of it (seed " + seed + ")");
            }
            case "clinc150":
                return clinc(folder.resolve("data_full.json"), "clinc150 data_full.json (train / val / test + oos)");
            case "hwu64":
                return new IntentBenchmarks(name, hwu(folder.resolve("KFold_1/trainset")), List.of(),
                        hwu(folder.resolve("KFold_1/testset")), List.of(), List.of(), "hwu64 KFold_1 trainset / testset");
            case "dstc11-insurance": {
                List<LabelledText> all = new ArrayList<>();
                try (Stream<String> lines = Files.lines(folder.resolve("development/test-utterances.jsonl"))) {
                    ObjectMapper json = new ObjectMapper();
                    for (String line : lines.filter(l -> !l.isBlank()).toList()) {
                        JsonNode n = json.readTree(line);
                        all.add(new LabelledText(n.get("utterance").asText(), n.get("intent").asText()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                Datasets.Split s = Datasets.stratified(all, 0.2, seed);
                return new IntentBenchmarks(name, s.train(), List.of(), s.held(), List.of(), List.of(),
                        "dstc11 insurance development; test = stratified 0.2 (seed " + seed + ")");
            }
            default:
                throw new IllegalArgumentException("unknown dataset " + name + "; known: " + KNOWN);
        }
    }

    /** Outside files: CSV text,category, or a CLINC150-shaped JSON for {@code test}. */
    public static IntentBenchmarks files(Path train, Path test) {
        if (test.toString().endsWith(".json")) {
            return clinc(test, test.toString());
        }
        return new IntentBenchmarks("files", Datasets.readTextCategoryCsv(train), List.of(), Datasets.readTextCategoryCsv(test),
                List.of(), List.of(), train + " / " + test);
    }

    static IntentBenchmarks clinc(Path file, String description) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            return new IntentBenchmarks("clinc150", pairs(root, "train"), pairs(root, "val"), pairs(root, "test"),
                    texts(root, "oos_val"), texts(root, "oos_test"), description);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<LabelledText> pairs(JsonNode root, String split) {
        List<LabelledText> out = new ArrayList<>();
        root.path(split).forEach(p -> out.add(new LabelledText(p.get(0).asText(), p.get(1).asText())));
        return out;
    }

    private static List<String> texts(JsonNode root, String split) {
        List<String> out = new ArrayList<>();
        root.path(split).forEach(p -> out.add(p.get(0).asText()));
        return out;
    }

    private static List<LabelledText> hwu(Path folder) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true).build();
        List<LabelledText> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8); CSVParser csv = format.parse(r)) {
                    for (CSVRecord row : csv) {
                        if (row.isConsistent() && !row.get("answer_from_anno").isBlank()) {
                            out.add(new LabelledText(row.get("answer_from_anno").strip(),
                                    row.get("scenario") + "_" + row.get("intent")));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
        return out;
    }
}
