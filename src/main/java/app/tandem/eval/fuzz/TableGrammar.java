package app.tandem.eval.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * CSV and JSON article lists as a spreadsheet or a script would write them, and as they go wrong: missing,
 * repeated and reordered columns, quotes, newlines and commas inside cells, ragged rows, a BOM; JSON of the
 * wrong shape and types, nested deep, with duplicate keys and numbers too big for anything.
 */
final class TableGrammar {

    private TableGrammar() {}

    static String csv(Random r) {
        List<String> columns = new ArrayList<>(List.of("question", "answer", "tags"));
        if (r.nextBoolean()) {
            columns.add("id");
        }
        if (r.nextBoolean()) {
            columns.add("language");
        }
        switch (r.nextInt(12)) {
            case 0 -> columns.remove(r.nextInt(columns.size()));
            case 1 -> columns.add(columns.get(r.nextInt(columns.size())));
            case 2 -> columns.replaceAll(c -> c.toUpperCase(java.util.Locale.ROOT));
            case 3 -> columns.add("extra " + Noise.odd(r));
            default -> { }
        }
        if (r.nextInt(3) == 0) {
            Collections.shuffle(columns, r);
        }
        StringBuilder s = new StringBuilder();
        if (r.nextInt(10) == 0) {
            s.append('\uFEFF');
        }
        String newline = Noise.pick(r, List.of("\n", "\n", "\r\n", "\r"));
        s.append(String.join(",", columns)).append(newline);
        int rows = Noise.size(r, 6);
        for (int i = 0; i < rows && s.length() < Noise.MAX_CHARS; i++) {
            int cells = r.nextInt(15) == 0 ? r.nextInt(columns.size() + 3) : columns.size();
            List<String> row = new ArrayList<>();
            for (int c = 0; c < cells; c++) {
                row.add(cell(r, c < columns.size() ? columns.get(c) : "x"));
            }
            s.append(String.join(",", row)).append(newline);
            if (r.nextInt(20) == 0) {
                s.append(newline);
            }
        }
        return s.toString();
    }

    private static String cell(Random r, String column) {
        String value = switch (column.toLowerCase(java.util.Locale.ROOT)) {
            case "id" -> r.nextInt(3) == 0 ? "" : Noise.pick(r, MarkdownGrammar.IDS);
            case "language" -> Noise.pick(r, List.of("en", "zh", "", "fr"));
            case "answer" -> r.nextInt(3) == 0 ? MarkdownGrammar.body(r) : Noise.sentence(r, Noise.size(r, 20));
            case "question" -> MarkdownGrammar.title(r);
            default -> Noise.sentence(r, 1 + r.nextInt(4));
        };
        return switch (r.nextInt(10)) {
            case 0 -> "\"" + value.replace("\"", "\"\"") + "\"";
            case 1 -> "\"" + value;
            case 2 -> value + "\"x\"";
            case 3 -> "\"" + value.replace("\"", "\"\"") + "\n" + Noise.word(r) + ", " + Noise.word(r) + "\"";
            default -> value.contains(",") || value.contains("\"") || value.contains("\n")
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        };
    }

    static String json(Random r) {
        StringBuilder s = new StringBuilder();
        boolean wrapped = r.nextInt(3) == 0;
        s.append(wrapped ? "{\"articles\": [" : "[");
        int n = Noise.size(r, 5);
        for (int i = 0; i < n && s.length() < Noise.MAX_CHARS; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(r.nextInt(25) == 0 ? odd(r) : article(r));
        }
        s.append(r.nextInt(20) == 0 ? ",]" : "]");
        if (wrapped) {
            s.append(r.nextInt(20) == 0 ? "" : "}");
        }
        return switch (r.nextInt(25)) {
            case 0 -> "{\"title\": \"not a list\"}";
            case 1 -> "\"just a string\"";
            case 2 -> "[".repeat(1000 + r.nextInt(50_000)) + "]".repeat(r.nextInt(1000));
            case 3 -> "// comment\n" + s;
            default -> s.toString();
        };
    }

    private static String article(Random r) {
        List<String> fields = new ArrayList<>();
        if (r.nextInt(8) != 0) {
            fields.add("\"id\": " + string(r, Noise.pick(r, MarkdownGrammar.IDS)));
        }
        if (r.nextInt(15) != 0) {
            fields.add("\"title\": " + (r.nextInt(15) == 0 ? wrongType(r) : string(r, MarkdownGrammar.title(r))));
        }
        if (r.nextInt(15) != 0) {
            fields.add("\"body\": " + (r.nextInt(15) == 0 ? wrongType(r) : string(r, MarkdownGrammar.body(r))));
        }
        if (r.nextBoolean()) {
            fields.add("\"language\": " + string(r, Noise.pick(r, List.of("en", "zh", "EN", "xx"))));
        }
        if (r.nextBoolean()) {
            fields.add("\"status\": " + (r.nextInt(6) == 0 ? wrongType(r)
                    : string(r, Noise.pick(r, List.of("DRAFT", "published", "In review", "ARCHIVED", "deleted")))));
        }
        if (r.nextBoolean()) {
            fields.add("\"tags\": " + (r.nextInt(5) == 0 ? wrongType(r) : "[" + string(r, Noise.word(r)) + "]"));
        }
        if (r.nextInt(4) == 0) {
            fields.add("\"intents\": " + (r.nextInt(3) == 0 ? wrongType(r) : "[\"card_lost\"]"));
        }
        if (r.nextInt(6) == 0) {
            fields.add("\"translationOf\": " + string(r, Noise.pick(r, MarkdownGrammar.IDS)));
        }
        if (r.nextInt(10) == 0) {
            fields.add("\"title\": \"a duplicate key\"");
        }
        if (r.nextInt(10) == 0) {
            fields.add("\"version\": " + Noise.pick(r, List.of("1", "-1", "1e400", "99999999999999999999999", "\"2\"")));
        }
        Collections.shuffle(fields, r);
        return "{" + String.join(", ", fields) + "}";
    }

    private static String wrongType(Random r) {
        return Noise.pick(r, List.of("42", "true", "null", "{}", "[]", "[1, 2]", "[{\"a\": 1}]", "{\"en\": \"x\"}", "1.5e300",
                "[[[[[\"deep\"]]]]]"));
    }

    private static String odd(Random r) {
        return Noise.pick(r, List.of("null", "42", "\"text\"", "[]", "{}", "{\"articles\": []}", "{\"title\": }"));
    }

    private static String string(Random r, String value) {
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t").replace("\u0000", "\\u0000");
        return switch (r.nextInt(30)) {
            case 0 -> "\"" + value + "\"";
            case 1 -> "\"\\ud800" + escaped + "\"";
            case 2 -> "'" + escaped + "'";
            default -> "\"" + escaped + "\"";
        };
    }
}
