package app.tandem.app.cli;

import app.tandem.ml.bench.BenchOptions;
import app.tandem.ml.bench.EncoderBenchmark;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem bench encoder}: Tandem's encoders against ONNX Runtime, latency and throughput.
 * The report goes to the stream given at construction (the console by default).
 */
@Command(name = "encoder", mixinStandardHelpOptions = true,
        description = "Measure sentence-encoder latency (p50/p99) and batch throughput of Tandem's DJL encoder "
                + "against ONNX Runtime on the same ONNX files. Run it alone on the machine; read the ratios.")
public final class BenchEncoderCommand implements Callable<Integer> {

    private final PrintStream out;

    @Option(names = "--model", split = ",", description = "catalog ids (default: all three)")
    private List<String> models = BenchOptions.defaults().modelIds();

    @Option(names = "--threads", description = "intra-op threads for both runtimes (default: cores)")
    private int threads = BenchOptions.defaults().threads();

    @Option(names = "--singles", description = "timed single-sentence runs (default: ${DEFAULT-VALUE})")
    private int singles = 300;

    @Option(names = "--sentences", description = "sentences in the throughput run (default: ${DEFAULT-VALUE})")
    private int sentences = 512;

    @Option(names = "--batch", description = "batch size (default: ${DEFAULT-VALUE})")
    private int batch = 32;

    public BenchEncoderCommand() {
        this(System.out);
    }

    public BenchEncoderCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        EncoderBenchmark.run(out, new BenchOptions(models, threads, 50, singles, sentences, batch));
        return 0;
    }
}
