package app.tandem.channel.image;

import app.tandem.channel.image.ImageRefusedException.Reason;
import app.tandem.nlp.Language;
import app.tandem.privacy.Redactor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tesseract.ETEXT_DESC;
import org.bytedeco.tesseract.TessBaseAPI;
import org.bytedeco.tesseract.global.tesseract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the text of customer images on the device with Tesseract (LSTM, the "fast" trained data). A
 * {@link TessBaseAPI} is not thread-safe, so each thread of a small fixed pool keeps its own engine per language,
 * made on first use and reused; the queue is bounded, so a burst of images waits or is turned away instead of
 * piling up native memory. Each read has a deadline that Tesseract itself checks, so a pathological image gives
 * up with a sentence rather than holding a thread.
 */
public final class ImageTextReader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ImageTextReader.class);

    /** Chinese customers' screenshots mix Chinese with digits and Latin codes; chi_sim alone drops "1,280.00". */
    private static final Map<Language, String> TESSERACT_LANGUAGES = Map.of(Language.EN, "eng", Language.ZH, "chi_sim+eng");

    /** Tesseract puts a space between Chinese characters; Chinese is written without them. */
    private static final Pattern SPACE_BETWEEN_HAN = Pattern.compile("(?<=[\\p{IsHan}，。：；！？、（）“”])[ \\t]+(?=[\\p{IsHan}，。：；！？、（）“”])");

    private static final int QUEUED_IMAGES = 32;

    private final Path trainedData;
    private final Duration limit;
    private final ThreadPoolExecutor pool;
    private final ThreadLocal<Map<Language, TessBaseAPI>> engines = ThreadLocal.withInitial(() -> new EnumMap<>(Language.class));
    private final List<TessBaseAPI> allEngines = new ArrayList<>();

    /**
     * @param trainedData the folder holding {@code eng.traineddata} and {@code chi_sim.traineddata}
     *                    ({@link TrainedData#unpacked()})
     * @param threads     images read at once; each thread holds up to one engine per language (~30–80 MB each)
     * @param limit       how long one image may take before Tandem gives up on its text
     */
    public ImageTextReader(Path trainedData, int threads, Duration limit) {
        this.trainedData = trainedData;
        this.limit = limit;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_IMAGES), r -> {
            Thread t = new Thread(r, "image-text-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Two threads, 20 seconds an image: what a desk needs without taking the CPU from the suggestion models. */
    public static ImageTextReader withDefaults() {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors() / 2));
        return new ImageTextReader(TrainedData.unpacked(), threads, Duration.ofSeconds(20));
    }

    /**
     * The text of a checked image in the customer's language.
     *
     * @throws ImageRefusedException DAMAGED when it does not decode, READING_TOO_SLOW past the limit, READER_BUSY
     *                               when too many images wait already
     */
    public ImageText read(CustomerImage image, Language language) {
        return read(image.decode(), language);
    }

    public ImageText read(BufferedImage pixels, Language language) {
        Future<ImageText> reading;
        try {
            reading = pool.submit(() -> readHere(pixels, language));
        } catch (RejectedExecutionException e) {
            throw new ImageRefusedException(Reason.READER_BUSY);
        }
        try {
            // Tesseract checks its own deadline; the extra second covers the decode and a last word it finishes.
            return reading.get(limit.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw tooSlow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reading.cancel(true);
            throw tooSlow();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Reading an image failed", e.getCause());
        }
    }

    private ImageText readHere(BufferedImage pixels, Language language) {
        long start = System.nanoTime();
        TessBaseAPI api = engines.get().computeIfAbsent(language, this::engine);
        BufferedImage gray = grayOnWhite(pixels);
        byte[] data = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
        try (ETEXT_DESC monitor = new ETEXT_DESC()) {
            api.SetImage(data, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
            // Screenshots carry no resolution; without one Tesseract guesses and logs a warning per image.
            api.SetSourceResolution(300);
            monitor.set_deadline_msecs((int) limit.toMillis());
            if (api.Recognize(monitor) != 0 || monitor.deadline_exceeded()) {
                throw tooSlow();
            }
            BytePointer utf8 = api.GetUTF8Text();
            String text;
            try {
                text = tidy(utf8 == null ? "" : utf8.getString(StandardCharsets.UTF_8), language);
            } finally {
                if (utf8 != null) {
                    utf8.deallocate();
                }
            }
            ImageText read = new ImageText(text, api.MeanTextConf(), language, Duration.ofNanos(System.nanoTime() - start));
            log.debug("Read {} characters from a {}×{} image ({}) at confidence {} in {} ms: {}", text.length(),
                    gray.getWidth(), gray.getHeight(), language.code(), read.meanConfidence(), read.took().toMillis(),
                    Redactor.redact(text));
            return read;
        } finally {
            api.Clear();
        }
    }

    private TessBaseAPI engine(Language language) {
        TessBaseAPI api = new TessBaseAPI();
        String languages = TESSERACT_LANGUAGES.get(language);
        if (api.Init(trainedData.toString(), languages, tesseract.OEM_LSTM_ONLY) != 0) {
            api.close();
            throw new IllegalStateException("Tesseract could not load the trained data '" + languages + "' from "
                    + trainedData + ".");
        }
        synchronized (allEngines) {
            allEngines.add(api);
        }
        return api;
    }

    /** One byte a pixel, and what was transparent in a screenshot becomes the white the customer saw. */
    private static BufferedImage grayOnWhite(BufferedImage pixels) {
        BufferedImage gray = new BufferedImage(pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        try {
            g.drawImage(pixels, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        return gray;
    }

    /** Lines as the image shows them, without Tesseract's blank lines between blocks and trailing spaces. */
    static String tidy(String raw, Language language) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n")) {
            String kept = line.strip();
            if (language == Language.ZH) {
                kept = SPACE_BETWEEN_HAN.matcher(kept).replaceAll("");
            }
            if (!kept.isEmpty()) {
                out.append(out.length() == 0 ? "" : "\n").append(kept);
            }
        }
        return out.toString();
    }

    private ImageRefusedException tooSlow() {
        return new ImageRefusedException(Reason.READING_TOO_SLOW, String.valueOf(Math.max(1, limit.toSeconds())));
    }

    /** Ends every engine once no thread uses it; an engine stuck in native code past the wait is left to the exit. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(limit.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                log.warn("An image was still being read at close; its OCR engine is left to the process exit");
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (allEngines) {
            for (TessBaseAPI api : allEngines) {
                api.End();
                api.close();
            }
            allEngines.clear();
        }
    }
}
