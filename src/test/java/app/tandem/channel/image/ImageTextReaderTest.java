package app.tandem.channel.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.tandem.nlp.Language;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real Tesseract with the repository's trained data, on images drawn here. */
class ImageTextReaderTest {

    @TempDir
    static Path cache;

    private static ImageTextReader reader;

    @BeforeAll
    static void start() {
        reader = new ImageTextReader(TrainedData.unpackedUnder(cache), 1, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        reader.close();
    }

    @Test
    void readsAnEnglishErrorScreenWordForWord() throws IOException {
        byte[] png = png(drawn(new Font(Font.SANS_SERIF, Font.PLAIN, 28), "Payment failed", "Error code E1043",
                "Your card was declined."));

        ReceivedImage received = new ImageIntake(reader).receive(png, Language.EN);

        ImageText text = received.text().orElseThrow();
        assertEquals("Payment failed\nError code E1043\nYour card was declined.", text.text());
        assertTrue(text.meanConfidence() > 70, "confidence " + text.meanConfidence());
        assertTrue(received.textNotRead().isEmpty());
        assertTrue(received.thumbnail().width() <= Thumbnail.MAX_SIDE);
    }

    @Test
    void readsChineseWithItsDigitsAndWithoutSpacesBetweenCharacters() {
        Optional<String> cjk = Arrays.stream(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT))
                .filter(f -> new Font(f, Font.PLAIN, 20).canDisplayUpTo("银行卡转账失败") == -1)
                .filter(f -> !f.equals(Font.DIALOG) && !f.equals(Font.DIALOG_INPUT) && !f.equals(Font.SANS_SERIF)
                        && !f.equals(Font.SERIF) && !f.equals(Font.MONOSPACED))
                .findFirst();
        assumeTrue(cjk.isPresent(), "no CJK font on this machine");

        ImageText text = reader.read(drawn(new Font(cjk.get(), Font.PLAIN, 30), "银行卡转账失败", "请联系客户服务中心"), Language.ZH);

        assertEquals("银行卡转账失败\n请联系客户服务中心", text.text());
        assertEquals(Language.ZH, text.language());
    }

    @Test
    void aBlankImageReadsAsNoText() {
        ImageText text = reader.read(drawn(new Font(Font.SANS_SERIF, Font.PLAIN, 20)), Language.EN);

        assertTrue(text.text().isEmpty(), text.text());
    }

    @Test
    void anImageThatTakesTooLongGivesUpWithASentence() {
        String[] page = new String[14];
        Arrays.fill(page, "08 May 2026   DIRECT DEBIT BRITISH GAS   -250.21   2,289.62");
        try (ImageTextReader hurried = new ImageTextReader(TrainedData.unpackedUnder(cache), 1, Duration.ofMillis(1))) {
            ImageRefusedException refused = assertThrows(ImageRefusedException.class,
                    () -> hurried.read(drawn(new Font(Font.SERIF, Font.PLAIN, 24), page), Language.EN));

            assertEquals(ImageRefusedException.Reason.READING_TOO_SLOW, refused.reason());
            assertEquals("The text of this image could not be read within 1 seconds; the image is kept without it.",
                    refused.getMessage());
        }
    }

    @Test
    void chineseSpacingIsRemovedOnlyBetweenChineseCharacters() {
        assertEquals("余额 1,280.00 元\n尾号4821", ImageTextReader.tidy("余 额 1,280.00 元  \n\n尾号4821\n", Language.ZH));
        assertEquals("Balance 1,280.00", ImageTextReader.tidy("  Balance 1,280.00 \n\n", Language.EN));
        assertFalse(ImageTextReader.tidy("a b", Language.EN).isEmpty());
    }

    private static BufferedImage drawn(Font font, String... lines) {
        BufferedImage image = new BufferedImage(700, 60 + 50 * lines.length, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(font);
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 30, 60 + 50 * i);
        }
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
