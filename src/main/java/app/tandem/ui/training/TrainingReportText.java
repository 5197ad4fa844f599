package app.tandem.ui.training;

import app.tandem.nlp.intent.Promotion;
import app.tandem.ui.common.Formats;
import app.tandem.ui.common.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A model version's report as a supervisor reads it in the Training tab: the figures that decide whether
 * to promote first, under labels in the desk's language, then every other entry of the report as it was
 * written ("key = value"), so nothing the run recorded is hidden. The report itself stays a properties
 * file with stable English keys, read by the command line and by older and newer versions alike.
 */
final class TrainingReportText {

    /** One labelled line: the report key, and how its value reads. */
    private record Line(String key, Function<String, String> value) {}

    private record Section(String title, List<Line> lines) {}

    private final Texts texts;
    private final ZoneId zone;
    private final List<Section> sections;

    TrainingReportText(Texts texts, ZoneId zone) {
        this.texts = texts;
        this.zone = zone;
        Function<String, String> asIs = v -> v;
        Function<String, String> percent = this::percent;
        Function<String, String> seconds = v -> number(v, "%.1f s");
        this.sections = List.of(
                new Section("training.report.section.results", List.of(new Line("validation.accuracy", percent),
                        new Line("validation.macro.f1", percent), new Line("fine.tuned", this::yesNo),
                        new Line("head.validation.accuracy", percent), new Line("fine.tune.validation.accuracy", percent))),
                new Section("training.report.section.data", List.of(new Line("data", asIs), new Line("intents", asIs),
                        new Line("train.examples", asIs), new Line("validation.examples", asIs),
                        new Line("validation.unknown.intents.dropped", asIs), new Line("validation.out.of.scope", asIs),
                        new Line("oos.threshold", asIs))),
                new Section("training.report.section.model", List.of(new Line("model.id", asIs), new Line("device", asIs),
                        new Line("created.at", this::when))),
                new Section("training.report.section.time", List.of(new Line("time.encode.seconds", seconds),
                        new Line("time.head.seconds", seconds), new Line("time.fine.tune.seconds", seconds),
                        new Line("time.total.seconds", seconds))));
    }

    String text(Map<String, String> report) {
        StringBuilder sb = new StringBuilder();
        Map<String, String> rest = new TreeMap<>(report);
        decision(report).ifPresent(d -> sb.append(texts.get("training.report.decision")).append(": ").append(d).append("\n\n"));
        rest.remove("decision");
        for (Section section : sections) {
            StringBuilder lines = new StringBuilder();
            for (Line line : section.lines()) {
                String value = rest.remove(line.key());
                if (value != null && !value.isEmpty()) {
                    lines.append("  ").append(texts.get("training.report." + line.key())).append(": ")
                            .append(line.value().apply(value)).append('\n');
                }
            }
            if (!lines.isEmpty()) {
                sb.append(texts.get(section.title())).append('\n').append(lines).append('\n');
            }
        }
        if (!rest.isEmpty()) {
            sb.append(texts.get("training.report.section.details")).append('\n');
            rest.forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
        }
        return sb.toString().strip();
    }

    /** The promotion decision in the desk's language when the report has it as data (newer versions), else as written. */
    private Optional<String> decision(Map<String, String> report) {
        String kind = report.get(Promotion.REPORT_KIND);
        if (kind != null) {
            try {
                Promotion p = new Promotion(Promotion.Kind.valueOf(kind), report.getOrDefault("compared.with", ""),
                        parse(report.get("validation.accuracy")), parse(report.get("compared.current.accuracy")));
                return Optional.of(texts.promotion(p));
            } catch (IllegalArgumentException unknownKind) {
                // a newer kind than this desk knows: fall back to the sentence the run wrote
            }
        }
        return Optional.ofNullable(report.get("decision"));
    }

    private static double parse(String v) {
        try {
            return v == null ? -1 : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String percent(String v) {
        double d = parse(v);
        return d < 0 || Double.isNaN(d) ? v : String.format(texts.locale(), "%.2f %%", 100 * d);
    }

    private String number(String v, String format) {
        double d = parse(v);
        return d < 0 ? v : String.format(Locale.ROOT, format, d);
    }

    private String yesNo(String v) {
        return texts.get("true".equals(v) ? "training.report.yes" : "training.report.no");
    }

    private String when(String v) {
        try {
            return Formats.dateTime(Instant.parse(v), zone, texts);
        } catch (DateTimeParseException e) {
            return v;
        }
    }
}
