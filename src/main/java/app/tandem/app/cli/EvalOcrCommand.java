package app.tandem.app.cli;

import app.tandem.channel.image.ImageTextReader;
import app.tandem.channel.image.TrainedData;
import app.tandem.eval.OcrEvaluation;
import app.tandem.eval.OcrSample;
import app.tandem.eval.OcrTestFolder;
import app.tandem.eval.RenderedDocuments;
import app.tandem.nlp.Language;
import app.tandem.privacy.Redactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tandem eval ocr}: character accuracy and time per image of the customer-image reader. */
@Command(name = "ocr", mixinStandardHelpOptions = true,
        description = {"Character accuracy (1 - edit distance / reference length) and time per image (p50/p99, CPU) of",
                "the image reader, per language. Without --test it renders its own images: statement lines, app error",
                "screens and short letters in English and Simplified Chinese, in this machine's fonts at several sizes,",
                "with a little noise and up to 1 degree of rotation, from a fixed seed (Chinese needs a CJK font).",
                "--test FOLDER reads an office's own images instead: each NAME.png / NAME.jpg / NAME.jpeg with NAME.txt",
                "beside it (UTF-8, the text a person reads on the image, line by line); Chinese when the .txt has a",
                "Chinese character, else English (or --language). Goals: 97% English, 92% Chinese."})
public final class EvalOcrCommand implements Callable<Integer> {

    @Option(names = "--images", defaultValue = "24", description = "Rendered images per language (default 24)")
    int images;

    @Option(names = "--seed", defaultValue = "7", description = "Seed of the rendering (default 7)")
    long seed;

    @Option(names = "--test", paramLabel = "FOLDER", description = "An office's images with a .txt of the expected text beside each")
    Path testFolder;

    @Option(names = "--language", description = "en or zh: the language of every image in --test (default: from each .txt)")
    String language;

    @Option(names = "--worst", defaultValue = "2", description = "Worst-read images shown per language, redacted (default 2)")
    int worst;

    @Override
    public Integer call() throws IOException {
        List<OcrSample> samples = new ArrayList<>();
        if (testFolder != null) {
            if (!Files.isDirectory(testFolder)) {
                System.err.println(testFolder + " is not a folder.");
                return 2;
            }
            Optional<Language> fixed = Optional.empty();
            if (language != null) {
                fixed = switch (language.toLowerCase(Locale.ROOT)) {
                    case "en" -> Optional.of(Language.EN);
                    case "zh" -> Optional.of(Language.ZH);
                    default -> Optional.empty();
                };
                if (fixed.isEmpty()) {
                    System.err.println("--language is en or zh, not \"" + language + "\".");
                    return 2;
                }
            }
            OcrTestFolder.Contents contents = OcrTestFolder.read(testFolder, fixed);
            samples.addAll(contents.samples());
            System.out.printf("OCR evaluation: %d images from %s%n", samples.size(), testFolder);
            if (!contents.withoutText().isEmpty()) {
                System.out.println("Left out, no .txt beside them: " + String.join(", ", contents.withoutText()));
            }
        } else {
            for (Language lang : Language.values()) {
                List<String> fonts = RenderedDocuments.fonts(lang);
                if (fonts.isEmpty()) {
                    System.out.printf("No font on this machine draws %s: %s not measured.%n", lang.code(), lang.code());
                    continue;
                }
                samples.addAll(RenderedDocuments.render(lang, images, seed));
                System.out.printf("%s: %d rendered images (seed %d), fonts %s%n", lang.code(), images, seed, String.join(", ", fonts));
            }
        }
        if (samples.isEmpty()) {
            System.err.println("No images to read.");
            return 2;
        }
        List<OcrEvaluation.Reading> readings;
        // One thread: the figures are the time one image takes, not the throughput of the pool.
        try (ImageTextReader reader = new ImageTextReader(TrainedData.unpacked(), 1, Duration.ofSeconds(20))) {
            readings = OcrEvaluation.read(samples, reader);
        }
        System.out.printf("%n%-8s %6s %10s %6s %9s %9s %8s%n", "language", "images", "char.acc", "conf", "p50 ms", "p99 ms", "refused");
        for (Language lang : Language.values()) {
            OcrEvaluation.Report r = OcrEvaluation.report(lang, readings);
            if (r.images() > 0) {
                System.out.printf(Locale.ROOT, "%-8s %6d %9.1f%% %6.0f %9.0f %9.0f %8d%n", lang.code(), r.images(), 100 * r.accuracy(),
                        r.meanConfidence(), r.p50Millis(), r.p99Millis(), r.refused());
            }
        }
        for (Language lang : Language.values()) {
            readings.stream().filter(r -> r.sample().language() == lang).sorted(Comparator.comparingDouble(OcrEvaluation.Reading::accuracy))
                    .limit(worst).forEach(this::show);
        }
        return 0;
    }

    /** An office's images may show real accounts: what is printed is redacted. */
    private void show(OcrEvaluation.Reading r) {
        System.out.printf(Locale.ROOT, "%nworst %s: %.1f%%%s%n  expected: %s%n  read:     %s%n", r.sample().name(), 100 * r.accuracy(),
                r.refusal().map(s -> " (" + s + ")").orElse(""),
                Redactor.redact(r.sample().expected()).replace("\n", " / "), Redactor.redact(r.read()).replace("\n", " / "));
    }
}
