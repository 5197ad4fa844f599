package app.tandem.eval;

import app.tandem.assist.EditDistance;
import app.tandem.channel.image.CustomerImage;
import app.tandem.channel.image.ImageRefusedException;
import app.tandem.channel.image.ImageText;
import app.tandem.channel.image.ImageTextReader;
import app.tandem.nlp.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Character accuracy of the image reader: 1 − (edit distance / reference length), summed over a language's images,
 * after both texts have had their whitespace made comparable (runs of spaces as one, no blank lines; in Chinese no
 * space next to a Chinese character, since Chinese is written without them and Tesseract puts them in). Time per
 * image is the customer's wait: the check, the decode and the read, after one warm-up read per language.
 */
public final class OcrEvaluation {

    /** One image read: what it should say, what was read, and how long it took. */
    public record Reading(OcrSample sample, String read, int distance, int referenceLength, int confidence, long nanos,
                          Optional<String> refusal) {
        public double accuracy() {
            return referenceLength == 0 ? 1.0 : Math.max(0, 1.0 - (double) distance / referenceLength);
        }
    }

    /** A language's figures. */
    public record Report(Language language, int images, double accuracy, double meanConfidence, double p50Millis,
                         double p99Millis, int refused) {}

    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0\\u3000]+");
    private static final String HAN = "[\\p{IsHan}，。：；！？、（）“”]";
    private static final Pattern SPACE_BY_HAN = Pattern.compile("(?<=" + HAN + ") | (?=" + HAN + ")");

    private OcrEvaluation() {}

    /** Reads every sample in order; a refused image counts as read empty, with its reason kept. */
    public static List<Reading> read(List<OcrSample> samples, ImageTextReader reader) {
        List<Language> warmed = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        for (OcrSample sample : samples) {
            if (!warmed.contains(sample.language())) {
                readOne(sample, reader);
                warmed.add(sample.language());
            }
            readings.add(readOne(sample, reader));
        }
        return readings;
    }

    private static Reading readOne(OcrSample sample, ImageTextReader reader) {
        String expected = comparable(sample.expected(), sample.language());
        long start = System.nanoTime();
        try {
            ImageText text = reader.read(CustomerImage.check(sample.image()), sample.language());
            long nanos = System.nanoTime() - start;
            String read = comparable(text.text(), sample.language());
            return new Reading(sample, text.text(), EditDistance.between(read, expected), expected.length(),
                    text.meanConfidence(), nanos, Optional.empty());
        } catch (ImageRefusedException refused) {
            return new Reading(sample, "", expected.length(), expected.length(), 0, System.nanoTime() - start,
                    Optional.of(refused.getMessage()));
        }
    }

    public static Report report(Language language, List<Reading> readings) {
        List<Reading> mine = readings.stream().filter(r -> r.sample().language() == language).toList();
        long distance = mine.stream().mapToLong(Reading::distance).sum();
        long length = mine.stream().mapToLong(Reading::referenceLength).sum();
        double[] millis = mine.stream().mapToDouble(r -> r.nanos() / 1e6).sorted().toArray();
        return new Report(language, mine.size(), length == 0 ? 0 : Math.max(0, 1.0 - (double) distance / length),
                mine.stream().mapToInt(Reading::confidence).average().orElse(0), percentile(millis, 0.50),
                percentile(millis, 0.99), (int) mine.stream().filter(r -> r.refusal().isPresent()).count());
    }

    /** The text as the accuracy compares it; see the class comment. */
    static String comparable(String text, Language language) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String kept = SPACES.matcher(line).replaceAll(" ").strip();
            if (language == Language.ZH) {
                kept = SPACE_BY_HAN.matcher(kept).replaceAll("");
            }
            if (!kept.isEmpty()) {
                lines.add(kept);
            }
        }
        return String.join("\n", lines);
    }

    /** Nearest rank: with a few dozen images p99 is the slowest, as it should be reported. */
    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
