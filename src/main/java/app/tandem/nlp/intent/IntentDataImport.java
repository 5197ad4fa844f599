package app.tandem.nlp.intent;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled utterances from a {@code text,category} CSV (header line required; {@code intent}
 * is accepted for {@code category}) and says what it skipped and why: rows with empty text or label,
 * malformed rows, exact duplicates, texts labelled with two different intents (all copies skipped:
 * the data disagrees with itself), labels outside an expected set. Lines that are not valid UTF-8
 * (a file stitched from several exports) are read as Windows-1252 and counted.
 */
public final class IntentDataImport {

    /** Why a row was left out. */
    public enum SkipReason {
        EMPTY_TEXT("empty text"),
        EMPTY_LABEL("empty intent"),
        MALFORMED("wrong number of columns"),
        DUPLICATE("duplicate of an earlier row"),
        CONFLICTING_LABELS("same text with different intents"),
        UNKNOWN_LABEL("intent not in the known set");

        private final String description;

        SkipReason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The header line lacks {@code text} or {@code category}; {@link #found()} is what it names instead. */
    public static final class MissingColumnsException extends IOException {

        private static final long serialVersionUID = 1L;
        private final List<String> found;

        MissingColumnsException(Path file, List<String> found) {
            super(file + ": the first line must name the columns text,category; found " + found);
            this.found = List.copyOf(found);
        }

        public List<String> found() {
            return found;
        }
    }

    /** One skipped row: its line in the file (1 = header), reason, and the text shortened. */
    public record Skipped(long line, SkipReason reason, String detail) {}

    /**
     * @param examples        the rows kept
     * @param skipped         each row left out
     * @param reencodedLines  lines that were not UTF-8 and were read as Windows-1252
     */
    public record Result(List<IntentExample> examples, List<Skipped> skipped, int reencodedLines) {

        public Map<SkipReason, Integer> skippedByReason() {
            Map<SkipReason, Integer> counts = new LinkedHashMap<>();
            for (Skipped s : skipped) {
                counts.merge(s.reason(), 1, Integer::sum);
            }
            return counts;
        }

        /**
         * A few lines in English for the command line and logs: kept, skipped by reason with examples,
         * re-encoded lines. The Training tab words the same data in the person's language.
         */
        public String summary() {
            StringBuilder sb = new StringBuilder();
            sb.append(examples.size()).append(" examples kept");
            long labels = examples.stream().map(IntentExample::intent).distinct().count();
            sb.append(" (").append(labels).append(" intents)");
            if (skipped.isEmpty()) {
                sb.append(", none skipped");
            } else {
                sb.append(", ").append(skipped.size()).append(" skipped:");
                skippedByReason().forEach((reason, n) -> {
                    sb.append("\n  ").append(n).append(" ").append(reason.description()).append(" (e.g. line ");
                    Skipped first = skipped.stream().filter(s -> s.reason() == reason).findFirst().orElseThrow();
                    sb.append(first.line());
                    if (!first.detail().isEmpty()) {
                        sb.append(": ").append(first.detail());
                    }
                    sb.append(")");
                });
            }
            if (reencodedLines > 0) {
                sb.append("\n  ").append(reencodedLines).append(" lines were not UTF-8 and were read as Windows-1252");
            }
            return sb.toString();
        }
    }

    private IntentDataImport() {}

    /** Reads {@code file}; {@code knownLabels}, when given, is the set every intent must belong to. */
    public static Result readCsv(Path file, Optional<Set<String>> knownLabels) throws IOException {
        Decoded decoded = decode(Files.readAllBytes(file));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).build();
        List<Row> rows = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        try (CSVParser csv = format.parse(new StringReader(decoded.text))) {
            String labelColumn = csv.getHeaderNames().contains("category") ? "category"
                    : csv.getHeaderNames().contains("intent") ? "intent" : null;
            if (!csv.getHeaderNames().contains("text") || labelColumn == null) {
                throw new MissingColumnsException(file, csv.getHeaderNames());
            }
            for (CSVRecord r : csv) {
                long line = r.getParser().getCurrentLineNumber();
                if (!r.isConsistent()) {
                    skipped.add(new Skipped(line, SkipReason.MALFORMED, shorten(String.join(",", r.toList()))));
                    continue;
                }
                rows.add(new Row(line, r.get("text"), r.get(labelColumn)));
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new IOException(file + " is not a readable CSV file: " + e.getMessage(), e);
        }
        Result result = clean(rows, knownLabels, skipped);
        return new Result(result.examples(), result.skipped(), decoded.reencoded);
    }

    /** Cleans rows from any source (CSV, stored examples) with the same rules. */
    public static Result clean(List<IntentExample> examples, Optional<Set<String>> knownLabels) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            rows.add(new Row(i + 1, examples.get(i).text(), examples.get(i).intent()));
        }
        return clean(rows, knownLabels, new ArrayList<>());
    }

    private record Row(long line, String text, String label) {}

    private static Result clean(List<Row> rows, Optional<Set<String>> knownLabels, List<Skipped> skipped) {
        Map<String, Set<String>> labelsOfText = new HashMap<>();
        for (Row r : rows) {
            String t = normalise(r.text);
            if (!t.isEmpty() && !r.label.isBlank()) {
                labelsOfText.computeIfAbsent(t.toLowerCase(java.util.Locale.ROOT), k -> new HashSet<>()).add(r.label.strip());
            }
        }
        Set<String> seen = new HashSet<>();
        List<IntentExample> kept = new ArrayList<>();
        for (Row r : rows) {
            String text = normalise(r.text);
            String label = r.label == null ? "" : r.label.strip();
            if (text.isEmpty()) {
                skipped.add(new Skipped(r.line, SkipReason.EMPTY_TEXT, ""));
            } else if (label.isEmpty()) {
                skipped.add(new Skipped(r.line, SkipReason.EMPTY_LABEL, shorten(text)));
            } else if (labelsOfText.get(text.toLowerCase(java.util.Locale.ROOT)).size() > 1) {
                skipped.add(new Skipped(r.line, SkipReason.CONFLICTING_LABELS, shorten(text) + " -> "
                        + String.join(" / ", new java.util.TreeSet<>(labelsOfText.get(text.toLowerCase(java.util.Locale.ROOT))))));
            } else if (knownLabels.isPresent() && !knownLabels.get().contains(label)) {
                skipped.add(new Skipped(r.line, SkipReason.UNKNOWN_LABEL, label));
            } else if (!seen.add(text.toLowerCase(java.util.Locale.ROOT) + "\u0000" + label)) {
                skipped.add(new Skipped(r.line, SkipReason.DUPLICATE, shorten(text)));
            } else {
                kept.add(new IntentExample(text, label));
            }
        }
        return new Result(kept, skipped, 0);
    }

    private static String normalise(String text) {
        if (text == null) {
            return "";
        }
        return text.replace('\uFEFF', ' ').strip().replaceAll("\\s+", " ");
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private record Decoded(String text, int reencoded) {}

    /** UTF-8 line by line (BOM dropped); a line that is not valid UTF-8 is read as Windows-1252. */
    static Decoded decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        StringBuilder out = new StringBuilder(bytes.length);
        int reencoded = 0;
        Charset fallback = Charset.forName("windows-1252");
        int lineStart = start;
        for (int i = start; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i == bytes.length ? i : i + 1;
                ByteBuffer line = ByteBuffer.wrap(bytes, lineStart, end - lineStart);
                try {
                    out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(line));
                } catch (CharacterCodingException e) {
                    out.append(new String(bytes, lineStart, end - lineStart, fallback));
                    reencoded++;
                }
                lineStart = end;
            }
        }
        return new Decoded(out.toString(), reencoded);
    }
}
