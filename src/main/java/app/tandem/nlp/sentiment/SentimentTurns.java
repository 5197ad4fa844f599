package app.tandem.nlp.sentiment;

import app.tandem.nlp.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled customer turns that teach the sentiment head: {@code nlp/sentiment/turns.csv} in the jar
 * (columns {@code text,language,label}; written for Tandem, English and Simplified Chinese, about 80
 * turns per label and language), and the stratified split used to measure it.
 */
public final class SentimentTurns {

    public static final String BUNDLED = "/nlp/sentiment/turns.csv";

    /** Train and held-out parts of the labelled set. */
    public record Split(List<LabelledTurn> train, List<LabelledTurn> held) {}

    private SentimentTurns() {}

    public static List<LabelledTurn> bundled() {
        try (InputStream in = SentimentTurns.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the jar");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + BUNDLED, e);
        }
    }

    /** Rows of a {@code text,language,label} CSV; a bad row is an error naming its line. */
    public static List<LabelledTurn> read(Reader reader, String name) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser csv = format.parse(reader)) {
            if (!csv.getHeaderNames().containsAll(List.of("text", "language", "label"))) {
                throw new IllegalArgumentException(name + ": the first line must name the columns text,language,label");
            }
            List<LabelledTurn> out = new ArrayList<>();
            for (CSVRecord row : csv) {
                try {
                    Language language = Language.valueOf(row.get("language").strip().toUpperCase(Locale.ROOT));
                    out.add(new LabelledTurn(row.get("text").strip(), language, Sentiment.parse(row.get("label"))));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + " line " + csv.getCurrentLineNumber() + ": " + e.getMessage(), e);
                }
            }
            return out;
        }
    }

    /** Holds out {@code fraction} of every (language, label) group, chosen with a fixed seed. */
    public static Split stratified(List<LabelledTurn> data, double fraction, long seed) {
        Map<String, List<LabelledTurn>> groups = new LinkedHashMap<>();
        data.forEach(t -> groups.computeIfAbsent(t.language() + "/" + t.label(), k -> new ArrayList<>()).add(t));
        Random random = new Random(seed);
        List<LabelledTurn> train = new ArrayList<>();
        List<LabelledTurn> held = new ArrayList<>();
        groups.keySet().stream().sorted().forEach(key -> {
            List<LabelledTurn> rows = new ArrayList<>(groups.get(key));
            Collections.shuffle(rows, random);
            int n = Math.max(1, (int) Math.round(rows.size() * fraction));
            held.addAll(rows.subList(0, n));
            train.addAll(rows.subList(n, rows.size()));
        });
        return new Split(List.copyOf(train), List.copyOf(held));
    }
}
