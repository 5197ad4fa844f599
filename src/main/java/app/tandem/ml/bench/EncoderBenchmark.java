package app.tandem.ml.bench;

import ai.djl.Device;
import ai.onnxruntime.OrtException;
import app.tandem.ml.bert.BertSentenceEncoder;
import app.tandem.ml.bert.EncoderWorker;
import app.tandem.ml.bert.InferenceThreads;
import app.tandem.ml.catalog.ModelCatalog;
import app.tandem.ml.catalog.ModelDescriptor;
import app.tandem.ml.catalog.ModelFiles;
import app.tandem.ml.catalog.ModelUnavailableException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tandem's encoder (DJL, PyTorch engine) side by side with ONNX Runtime on the same ONNX file:
 * single-sentence latency (p50/p99) and batched throughput, with ratios, in one run.
 *
 * <p>Both sides get the same token ids (tokenisation is not timed), the same intra-op thread count,
 * and the same length-sorted batches. The two runtimes are timed one after the other, never
 * interleaved, because each one's idle worker threads spin for a while and would slow the other.
 * Timings on a shared machine are noisy: read the ratios, and run it alone.
 */
public final class EncoderBenchmark {

    private static final String[] TYPICAL = {
        "How do I reset my online banking password?",
        "My card was declined at the supermarket this morning, what happened?",
        "I want to dispute a transaction I don't recognise on my statement.",
        "What is the daily withdrawal limit for ATMs abroad?",
        "Can you increase my credit card limit before my trip next week?",
        "我的信用卡被盗了怎么办？",
        "境外取现每天最多可以取多少钱？",
        "银行卡被冻结了，怎么解冻？",
    };

    private EncoderBenchmark() {
    }

    /** {@code EncoderBenchmark [modelId ...]}; the same as {@code tandem bench encoder}. */
    public static void main(String[] args) throws Exception {
        BenchOptions defaults = BenchOptions.defaults();
        BenchOptions options = args.length == 0 ? defaults : new BenchOptions(List.of(args), defaults.threads(),
                defaults.warmup(), defaults.singles(), defaults.sentences(), defaults.batchSize());
        run(System.out, options);
    }

    /** One measurement per model. */
    public record Result(String modelId, Stats tandem, Stats onnxRuntime) {
    }

    /** Latency percentiles in milliseconds and throughput in sentences per second. */
    public record Stats(double p50Millis, double p99Millis, double sentencesPerSecond) {
    }

    public static List<Result> run(PrintStream out, BenchOptions options) throws ModelUnavailableException, OrtException {
        ModelCatalog catalog = ModelCatalog.load();
        Device device = BertSentenceEncoder.preferredDevice();
        InferenceThreads.setIntraOpThreads(options.threads());
        InferenceThreads.prepareCurrentThreadForInference();
        out.printf(Locale.ROOT, "Encoder benchmark: Tandem (DJL %s, PyTorch on %s) vs ONNX Runtime (CPU), "
                + "%d intra-op threads, %d cores%n", ai.djl.engine.Engine.getDjlVersion(), device, options.threads(),
                Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "single: %d timed runs over typical sentences (%d warm-up); throughput: %d "
                + "sentences in batches of %d, sorted by length%n%n", options.singles(), options.warmup(),
                options.sentences(), options.batchSize());
        out.printf(Locale.ROOT, "%-19s %-13s %9s %9s %12s %9s%n", "model", "runtime", "p50 ms", "p99 ms",
                "sent/s", "load ms");
        List<Result> results = new ArrayList<>();
        for (String id : options.modelIds()) {
            ModelDescriptor d = catalog.find(id).orElseThrow(() -> new IllegalArgumentException("no model " + id));
            Result r = measure(out, d, device, options);
            results.add(r);
        }
        out.printf(Locale.ROOT, "%nratios are Tandem / ONNX Runtime: latency below 1.0 and throughput above 1.0 "
                + "favour Tandem%n");
        return results;
    }

    private static Result measure(PrintStream out, ModelDescriptor d, Device device, BenchOptions options)
            throws ModelUnavailableException, OrtException {
        long loadStart = System.nanoTime();
        Stats tandem;
        List<long[]> singles;
        List<long[]> bulk;
        long tandemLoad;
        try (BertSentenceEncoder encoder = BertSentenceEncoder.load(d, device, Optional.empty());
                EncoderWorker worker = encoder.newWorker(options.batchSize())) {
            tandemLoad = (System.nanoTime() - loadStart) / 1_000_000;
            singles = encoder.tokenize(Arrays.asList(TYPICAL));
            bulk = encoder.tokenize(bulkSentences(options.sentences()));
            tandem = time(options, singles, bulk, rows -> worker.encode(rows));
        }
        byte[] onnx = ModelFiles.onnx(d);
        long ortStart = System.nanoTime();
        Stats ort;
        long ortLoad;
        try (OnnxRuntimeEncoder reference = new OnnxRuntimeEncoder(d, onnx, options.threads())) {
            ortLoad = (System.nanoTime() - ortStart) / 1_000_000;
            ort = time(options, singles, bulk, rows -> {
                // same batching as Tandem's worker: sorted by length, then chunks
                List<long[]> sorted = new ArrayList<>(rows);
                sorted.sort(Comparator.comparingInt(r -> r.length));
                for (int i = 0; i < sorted.size(); i += options.batchSize()) {
                    reference.encode(sorted.subList(i, Math.min(sorted.size(), i + options.batchSize())));
                }
                return null;
            });
        }
        out.printf(Locale.ROOT, "%-19s %-13s %9.2f %9.2f %12.1f %9d%n", d.id(), "tandem-djl", tandem.p50Millis(),
                tandem.p99Millis(), tandem.sentencesPerSecond(), tandemLoad);
        out.printf(Locale.ROOT, "%-19s %-13s %9.2f %9.2f %12.1f %9d%n", "", "onnxruntime", ort.p50Millis(),
                ort.p99Millis(), ort.sentencesPerSecond(), ortLoad);
        out.printf(Locale.ROOT, "%-19s %-13s %8.2fx %8.2fx %11.2fx%n", "", "ratio", tandem.p50Millis() / ort.p50Millis(),
                tandem.p99Millis() / ort.p99Millis(), tandem.sentencesPerSecond() / ort.sentencesPerSecond());
        out.flush();
        return new Result(d.id(), tandem, ort);
    }

    @FunctionalInterface
    private interface Encode {
        Object apply(List<long[]> rows) throws OrtException;
    }

    private static Stats time(BenchOptions options, List<long[]> singles, List<long[]> bulk, Encode encode)
            throws OrtException {
        for (int i = 0; i < options.warmup(); i++) {
            encode.apply(List.of(singles.get(i % singles.size())));
        }
        encode.apply(bulk.subList(0, Math.min(bulk.size(), options.batchSize())));
        double[] millis = new double[options.singles()];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            encode.apply(List.of(singles.get(i % singles.size())));
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        long start = System.nanoTime();
        encode.apply(bulk);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Stats(percentile(millis, 0.50), percentile(millis, 0.99), bulk.size() / seconds);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Short and long customer messages, English and Chinese, like a day's worth of a KB import. */
    static List<String> bulkSentences(int count) {
        String[] parts = {
            "card blocked", "please help me with a refund for the duplicated charge on my statement",
            "I called the hotline twice and nobody could tell me why the transfer to my landlord has not "
                + "arrived yet although the money left my account on Monday",
            "你好", "我上周在网上商城买东西被重复扣款了，请帮我查一下什么时候能退回来",
            "Where can I find the SWIFT code?", "跨行转账多久能到账", "How do I order a new cheque book for my "
                + "business account and how long does delivery take?"};
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(parts[i % parts.length] + (i % 3 == 0 ? "" : " #" + i));
        }
        return out;
    }
}
