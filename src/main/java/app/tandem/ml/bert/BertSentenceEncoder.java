package app.tandem.ml.bert;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import app.tandem.ml.catalog.ModelDescriptor;
import app.tandem.ml.catalog.ModelFiles;
import app.tandem.ml.catalog.ModelUnavailableException;
import app.tandem.ml.onnx.OnnxFormatException;
import app.tandem.ml.onnx.OnnxReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded sentence encoder: tokenizer, the {@link BertEncoderBlock} with its weights, and the
 * DJL model that owns them. Thread-safe for {@link #tokenize} and {@link #newWorker}; the workers
 * themselves are per thread. Closing releases the weights; close workers first.
 */
public final class BertSentenceEncoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BertSentenceEncoder.class);
    public static final String ENGINE = "PyTorch";
    /** Longest input we hand to the tokenizer; see {@link #tokenize}. */
    private static final int CHARS_PER_TOKEN_LIMIT = 64;

    private final ModelDescriptor descriptor;
    private final HuggingFaceTokenizer tokenizer;
    private final Model model;
    private final BertEncoderBlock block;
    private final String weightsSource;

    private BertSentenceEncoder(ModelDescriptor descriptor, HuggingFaceTokenizer tokenizer, Model model,
            BertEncoderBlock block, String weightsSource) {
        this.descriptor = descriptor;
        this.tokenizer = tokenizer;
        this.model = model;
        this.block = block;
        this.weightsSource = weightsSource;
    }

    /** The device inference should use: the first GPU when the PyTorch engine sees one, else the CPU. */
    public static Device preferredDevice() {
        return Engine.getEngine(ENGINE).getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /**
     * Loads a catalogued model: verifies and reads its files from the classpath, and takes the
     * weights from {@code trainedFolder} when it holds a saved set, else imports them from ONNX.
     */
    public static BertSentenceEncoder load(ModelDescriptor d, Device device, Optional<Path> trainedFolder)
            throws ModelUnavailableException {
        long start = System.nanoTime();
        HuggingFaceTokenizer tokenizer = loadTokenizer(d);
        BertEncoderBlock block = new BertEncoderBlock(d.architecture(), d.pooling(), d.normalize());
        Model model = Model.newInstance(d.id(), device, ENGINE);
        String source;
        try {
            if (trainedFolder.isPresent() && TrainedWeights.present(trainedFolder.get())) {
                TrainedWeights.load(block, model.getNDManager(), trainedFolder.get());
                source = "trained weights in " + trainedFolder.get();
            } else {
                byte[] onnx = ModelFiles.onnx(d);
                Map<String, FloatTensor> weights =
                        BertOnnxImporter.importWeights(OnnxReader.read(onnx), d.architecture());
                block.setWeights(model.getNDManager(), weights);
                source = "imported from " + d.onnxResource();
            }
            model.setBlock(block);
        } catch (IOException | OnnxFormatException | IllegalArgumentException e) {
            model.close();
            tokenizer.close();
            throw new ModelUnavailableException("model " + d.id() + ": " + e.getMessage(), e);
        } catch (ModelUnavailableException | RuntimeException e) {
            model.close();
            tokenizer.close();
            throw e;
        }
        LOG.info("loaded encoder {} on {} ({}) in {} ms", d.id(), device, source,
                (System.nanoTime() - start) / 1_000_000);
        return new BertSentenceEncoder(d, tokenizer, model, block, source);
    }

    private static HuggingFaceTokenizer loadTokenizer(ModelDescriptor d) throws ModelUnavailableException {
        byte[] json = ModelFiles.tokenizer(d);
        // Padding is ours to do per batch; some tokenizer.json files pad every input to a fixed 128.
        Map<String, String> options = Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(d.maxTokens()));
        try {
            return HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), options);
        } catch (IOException | RuntimeException e) {
            throw new ModelUnavailableException("model " + d.id() + ": tokenizer " + d.tokenizerResource()
                    + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    public Device device() {
        return model.getNDManager().getDevice();
    }

    /** Where the weights came from, for status and logs. */
    public String weightsSource() {
        return weightsSource;
    }

    /** The block, for training and for saving its weights. */
    public BertEncoderBlock block() {
        return block;
    }

    /**
     * Word-piece ids of {@code text}, with [CLS]/[SEP], truncated to the model's max tokens.
     * Text far longer than any input that could fill max tokens is cut first (64 characters per token),
     * so a pasted megabyte costs no more than a page.
     */
    public long[] tokenize(String text) {
        int limit = descriptor.maxTokens() * CHARS_PER_TOKEN_LIMIT;
        String bounded = text.length() > limit ? text.substring(0, safeCut(text, limit)) : text;
        return tokenizer.encode(bounded).getIds();
    }

    private static int safeCut(String text, int limit) {
        // never split a surrogate pair
        return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit - 1 : limit;
    }

    public List<long[]> tokenize(List<String> texts) {
        return texts.stream().map(this::tokenize).toList();
    }

    /** A worker for the calling thread (one DJL Predictor); batches of at most {@code maxBatch}. */
    public EncoderWorker newWorker(int maxBatch) {
        return new EncoderWorker(model.newPredictor(new EncoderTranslator()), maxBatch);
    }

    /** Saves the current weights (e.g. after fine-tuning) with their evaluation report. */
    public void saveWeights(Path folder, Map<String, String> report) throws IOException {
        TrainedWeights.save(block, report, folder);
    }

    @Override
    public void close() {
        model.close();
        tokenizer.close();
    }
}
