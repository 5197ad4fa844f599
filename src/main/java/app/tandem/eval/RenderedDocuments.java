package app.tandem.eval;

import app.tandem.nlp.Language;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * The images {@code tandem eval ocr} reads when an office brings none: what customers send a bank — statement
 * lines with dates and amounts, an app's error screen, a short letter — drawn with Java2D in the fonts this machine
 * has, at several sizes, turned by up to a degree and speckled with a little noise, from a fixed seed so that two
 * runs read the same pictures.
 */
public final class RenderedDocuments {

    private enum Kind { STATEMENT, ERROR_SCREEN, LETTER }

    /** Fonts a bank's app or letter might use, where installed; the JDK's logical fonts when none is. */
    private static final List<String> LATIN_FONTS = List.of("DejaVu Sans", "DejaVu Serif", "Nimbus Sans", "Nimbus Roman",
            "DejaVu Sans Mono", "Liberation Sans", "Liberation Serif", "Arial", "Times New Roman");
    private static final String CHINESE_PROBE = "银行卡余额账户转账";
    private static final int[] SIZES = {20, 24, 28, 32};
    private static final double MAX_TURN_DEGREES = 1.0;
    private static final double NOISE_SIGMA = 6.0;

    private static final String[] EN_PAYEES = {"CARD PAYMENT TESCO STORES", "DIRECT DEBIT BRITISH GAS", "TRANSFER TO SAVINGS",
        "ATM WITHDRAWAL HIGH STREET", "SALARY ACME LTD", "REFUND AMAZON EU", "STANDING ORDER RENT", "CONTACTLESS PRET A MANGER"};
    private static final String[] ZH_PAYEES = {"超市购物", "工资收入", "转账至储蓄账户", "自动取款机取现", "水电费代扣", "网上购物退款",
        "信用卡还款", "手机话费充值"};
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.UK);

    private RenderedDocuments() {}

    /** The font families this machine can draw the language in; empty for Chinese where no CJK font is installed. */
    public static List<String> fonts(Language language) {
        Set<String> installed = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT));
        if (language == Language.EN) {
            List<String> found = LATIN_FONTS.stream().filter(installed::contains).toList();
            return found.isEmpty() ? List.of(Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED) : found;
        }
        Set<String> logical = Set.of(Font.DIALOG, Font.DIALOG_INPUT, Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED);
        return installed.stream().filter(f -> !logical.contains(f))
                .filter(f -> new Font(f, Font.PLAIN, 20).canDisplayUpTo(CHINESE_PROBE) == -1).sorted().toList();
    }

    /** {@code count} images in the language, cycling through document kinds, fonts and sizes. */
    public static List<OcrSample> render(Language language, int count, long seed) {
        List<String> fonts = fonts(language);
        if (fonts.isEmpty()) {
            return List.of();
        }
        // A CJK font's Latin digits are often missing (drawn as boxes): Chinese documents set them in a Latin font.
        List<String> latin = fonts(Language.EN);
        List<OcrSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Random random = new Random(seed * 7919 + language.ordinal() * 100_003L + i);
            Kind kind = Kind.values()[i % Kind.values().length];
            List<String> lines = language == Language.EN ? english(kind, random) : chinese(kind, random);
            int variant = i / Kind.values().length;
            String font = fonts.get(variant % fonts.size());
            String latinFont = language == Language.EN ? font : latin.get(variant % latin.size());
            int size = SIZES[random.nextInt(SIZES.length)];
            double degrees = (random.nextDouble() * 2 - 1) * MAX_TURN_DEGREES;
            byte[] png = png(draw(lines, new Font(latinFont, Font.PLAIN, size), new Font(font, Font.PLAIN, size), degrees, random));
            String fontName = language == Language.EN ? font : font + "+" + latinFont;
            String name = String.format(Locale.ROOT, "%s-%02d-%s-%s-%dpx", language.code(), i, kind.name().toLowerCase(Locale.ROOT),
                    fontName.replace(' ', '_'), size);
            samples.add(new OcrSample(name, language, png, String.join("\n", lines)));
        }
        return samples;
    }

    /** How one statement row is laid out in a language. */
    private interface StatementRow {
        String layout(LocalDate day, String payee, long amount, long balance);
    }

    /** A statement page: the header, then 4-6 rows drawn the same way in both languages (the same seed, the same draws). */
    private static List<String> statement(String header, String[] payees, Random r, StatementRow row) {
        List<String> lines = new ArrayList<>(List.of(header));
        long balance = 50_000 + r.nextInt(500_000);
        LocalDate day = LocalDate.of(2026, 1 + r.nextInt(10), 1 + r.nextInt(20));
        int rows = 4 + r.nextInt(3);
        for (int k = 0; k < rows; k++) {
            long amount = (r.nextBoolean() ? -1 : 1) * (100 + r.nextInt(60_000));
            balance += amount;
            day = day.plusDays(r.nextInt(3));
            lines.add(row.layout(day, payees[r.nextInt(payees.length)], amount, balance));
        }
        return lines;
    }

    private static List<String> english(Kind kind, Random r) {
        return switch (kind) {
            case STATEMENT -> statement("Statement of account   Page " + (1 + r.nextInt(4)) + " of 4", EN_PAYEES, r,
                    (day, payee, amount, balance) -> day.format(EN_DATE) + "   " + payee + "   " + money(amount) + "   "
                            + money(balance));
            case ERROR_SCREEN -> List.of(
                    new String[] {"Payment failed", "Transfer not sent", "Card locked"}[r.nextInt(3)],
                    "Error code E" + (1000 + r.nextInt(9000)),
                    new String[] {"Your card was declined by the issuer.", "The daily limit of 2,500.00 has been reached.",
                        "Too many wrong PIN attempts."}[r.nextInt(3)],
                    "Please try again later or call us on the number on your card.");
            case LETTER -> List.of(
                    "Dear customer,",
                    "We have received your request to close the account ending " + (1000 + r.nextInt(9000)) + ".",
                    "The balance of " + money(10_000 + r.nextInt(900_000)) + " will be paid into your nominated account",
                    "by " + LocalDate.of(2026, 1 + r.nextInt(12), 1 + r.nextInt(28)).format(EN_DATE) + ".",
                    "Yours sincerely,",
                    "Customer Services");
        };
    }

    private static List<String> chinese(Kind kind, Random r) {
        return switch (kind) {
            case STATEMENT -> statement("账户对账单 第" + (1 + r.nextInt(4)) + "页", ZH_PAYEES, r,
                    (day, payee, amount, balance) -> day + "   " + payee + "   " + money(amount) + "   余额 " + money(balance));
            case ERROR_SCREEN -> List.of(
                    new String[] {"支付失败", "转账未成功", "银行卡已锁定"}[r.nextInt(3)],
                    "错误代码 E" + (1000 + r.nextInt(9000)),
                    new String[] {"您的银行卡被发卡行拒绝。", "已达到每日限额 2,500.00 元。", "密码错误次数过多。"}[r.nextInt(3)],
                    "请稍后重试，或拨打卡背面的电话联系我们。");
            case LETTER -> List.of(
                    "尊敬的客户：",
                    "我们已收到您关闭尾号" + (1000 + r.nextInt(9000)) + "账户的申请。",
                    "账户余额 " + money(10_000 + r.nextInt(900_000)) + " 元将转入您指定的账户。",
                    "最终对账单将于2026年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日前寄出。",
                    "客户服务中心");
        };
    }

    /** Pence as a statement prints them: 1,280.00 and -42.17. */
    private static String money(long pence) {
        return String.format(Locale.UK, "%,.2f", pence / 100.0);
    }

    private static BufferedImage draw(List<String> lines, Font latin, Font han, double degrees, Random random) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D pg = probe.createGraphics();
        FontMetrics latinMetrics = pg.getFontMetrics(latin);
        FontMetrics hanMetrics = pg.getFontMetrics(han);
        FontRenderContext context = pg.getFontRenderContext();
        pg.dispose();
        int margin = 40;
        int ascent = Math.max(latinMetrics.getAscent(), hanMetrics.getAscent());
        int lineHeight = (int) Math.round(Math.max(latinMetrics.getHeight(), hanMetrics.getHeight()) * 1.4);
        int width = (int) Math.ceil(lines.stream()
                .mapToDouble(l -> new TextLayout(styled(l, latin, han).getIterator(), context).getAdvance()).max().orElse(0)) + 2 * margin;
        int height = lines.size() * lineHeight + 2 * margin;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.rotate(Math.toRadians(degrees), width / 2.0, height / 2.0);
            g.setColor(new Color(20, 20, 20));
            for (int k = 0; k < lines.size(); k++) {
                g.drawString(styled(lines.get(k), latin, han).getIterator(), margin, margin + k * lineHeight + ascent);
            }
        } finally {
            g.dispose();
        }
        speckle(image.getRaster(), random);
        return image;
    }

    /** The line with its Chinese characters and punctuation in the Chinese font and the rest in the Latin one. */
    private static AttributedString styled(String line, Font latin, Font han) {
        AttributedString styled = new AttributedString(line);
        int start = 0;
        for (int k = 1; k <= line.length(); k++) {
            if (k == line.length() || isHan(line.charAt(k)) != isHan(line.charAt(start))) {
                styled.addAttribute(TextAttribute.FONT, isHan(line.charAt(start)) ? han : latin, start, k);
                start = k;
            }
        }
        return styled;
    }

    /** From the CJK radicals block up: Chinese characters and full-width punctuation. */
    private static boolean isHan(char c) {
        return c >= '\u2E80';
    }

    /** Sensor and compression noise, as on a photographed or re-saved screenshot. */
    private static void speckle(WritableRaster raster, Random random) {
        int[] row = new int[raster.getWidth()];
        for (int y = 0; y < raster.getHeight(); y++) {
            raster.getSamples(0, y, row.length, 1, 0, row);
            for (int x = 0; x < row.length; x++) {
                row[x] = Math.max(0, Math.min(255, (int) Math.round(row[x] + random.nextGaussian() * NOISE_SIGMA)));
            }
            raster.setSamples(0, y, row.length, 1, 0, row);
        }
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a rendered image to memory", e);
        }
        return out.toByteArray();
    }
}
