package app.tandem.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.channel.image.ImageTextReader;
import app.tandem.channel.image.TrainedData;
import app.tandem.nlp.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads a dozen images with the real Tesseract: several seconds. */
@Slow
class OcrEvaluationTest {

    @TempDir
    Path folder;

    @Test
    void renderedImagesReadWithPlausibleFigures() {
        List<OcrSample> samples = new ArrayList<>(RenderedDocuments.render(Language.EN, 3, 7));
        samples.addAll(RenderedDocuments.render(Language.ZH, 3, 7));

        List<OcrEvaluation.Reading> readings;
        try (ImageTextReader reader = new ImageTextReader(TrainedData.unpackedUnder(folder), 1, Duration.ofSeconds(20))) {
            readings = OcrEvaluation.read(samples, reader);
        }

        OcrEvaluation.Report english = OcrEvaluation.report(Language.EN, readings);
        assertEquals(3, english.images());
        assertTrue(english.accuracy() > 0.9 && english.accuracy() <= 1.0, "English accuracy " + english.accuracy());
        assertTrue(english.p50Millis() > 0 && english.p50Millis() <= english.p99Millis());
        assertEquals(0, english.refused());
        OcrEvaluation.Report chinese = OcrEvaluation.report(Language.ZH, readings);
        if (!RenderedDocuments.fonts(Language.ZH).isEmpty()) {
            assertEquals(3, chinese.images());
            assertTrue(chinese.accuracy() > 0.8, "Chinese accuracy " + chinese.accuracy());
        }
    }

    @Test
    void renderingIsTheSameForTheSameSeed() {
        OcrSample first = RenderedDocuments.render(Language.EN, 2, 11).get(1);
        OcrSample again = RenderedDocuments.render(Language.EN, 2, 11).get(1);

        assertEquals(first.expected(), again.expected());
        assertArrayEquals(first.image(), again.image());
    }

    @Test
    void whitespaceIsComparedAsWrittenInEachLanguage() {
        assertEquals("Balance 1,280.00\nPaid", OcrEvaluation.comparable("Balance   1,280.00 \n\n Paid", Language.EN));
        assertEquals("余额1,280.00元\n尾号4821", OcrEvaluation.comparable("余额 1,280.00 元\n尾号 4821", Language.ZH));
    }

    @Test
    void anOfficeFolderPairsEachImageWithItsText() throws IOException {
        byte[] png = RenderedDocuments.render(Language.EN, 1, 7).get(0).image();
        Files.write(folder.resolve("statement.png"), png);
        Files.writeString(folder.resolve("statement.txt"), "Statement\n", StandardCharsets.UTF_8);
        Files.write(folder.resolve("letter.JPG"), png);
        Files.writeString(folder.resolve("notes.txt"), "余额", StandardCharsets.UTF_8);
        Files.write(folder.resolve("notice.png"), png);
        Files.writeString(folder.resolve("notice.txt"), "您的银行卡被拒绝", StandardCharsets.UTF_8);

        OcrTestFolder.Contents contents = OcrTestFolder.read(folder, Optional.empty());

        assertEquals(List.of("letter.JPG"), contents.withoutText());
        assertEquals(List.of("notice.png", "statement.png"), contents.samples().stream().map(OcrSample::name).toList());
        assertEquals(Language.ZH, contents.samples().get(0).language());
        assertEquals(Language.EN, contents.samples().get(1).language());
    }
}
