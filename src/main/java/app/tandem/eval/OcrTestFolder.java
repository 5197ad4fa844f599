package app.tandem.eval;

import app.tandem.nlp.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An office's own OCR test images: every {@code NAME.png}, {@code NAME.jpg} or {@code NAME.jpeg} in a folder with
 * {@code NAME.txt} beside it, UTF-8, holding the text a person reads on the image, one line per line. The language
 * is Chinese when the text has a Chinese character, else English, unless the caller fixes it.
 */
public final class OcrTestFolder {

    /** What was found: the samples, and the images left out because they have no text beside them. */
    public record Contents(List<OcrSample> samples, List<String> withoutText) {}

    private static final Pattern IMAGE = Pattern.compile("(?i).+\\.(png|jpe?g)");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private OcrTestFolder() {}

    public static Contents read(Path folder, Optional<Language> language) throws IOException {
        List<Path> images;
        try (Stream<Path> files = Files.list(folder)) {
            images = files.filter(p -> IMAGE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        List<OcrSample> samples = new ArrayList<>();
        List<String> withoutText = new ArrayList<>();
        for (Path image : images) {
            String name = image.getFileName().toString();
            Path text = image.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".txt");
            if (!Files.isRegularFile(text)) {
                withoutText.add(name);
                continue;
            }
            String expected = Files.readString(text, StandardCharsets.UTF_8);
            Language lang = language.orElse(HAN.matcher(expected).find() ? Language.ZH : Language.EN);
            samples.add(new OcrSample(name, lang, Files.readAllBytes(image), expected));
        }
        return new Contents(samples, withoutText);
    }
}
