package app.tandem.app.cli;

import app.tandem.app.Encoders;
import app.tandem.eval.Datasets;
import app.tandem.eval.RetrievalBenchmark;
import app.tandem.kb.Article;
import app.tandem.kb.KbFolder;
import app.tandem.kb.SemanticEncoders;
import app.tandem.nlp.EncoderService;
import app.tandem.nlp.EncoderSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tandem bench retrieval}: search latency and index build speed at growing knowledge-base sizes. */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = {"Knowledge-base search latency (p50/p99, query encoding included) and index build throughput at",
                "several sizes, filling the index with real customer sentences from shared/datasets as extra passages.",
                "Run it alone on the machine."})
public final class BenchRetrievalCommand implements Callable<Integer> {

    @Option(names = "--sizes", split = ",", defaultValue = "1000,10000,100000", description = "Passages (default 1000,10000,100000)")
    int[] sizes;

    @Option(names = "--queries", defaultValue = "200", description = "Timed searches per size (default 200)")
    int queries;

    @Override
    public Integer call() {
        Path datasets = Datasets.sharedFolder().orElseThrow(() -> new IllegalArgumentException(
                "Cannot find shared/datasets: set TANDEM_DATASETS"));
        int largest = java.util.Arrays.stream(sizes).max().orElse(1000);
        List<String> all = RetrievalBenchmark.fillerSentences(datasets, largest + queries * 2);
        // Queries are sampled across the list (English and Chinese alike) and never indexed.
        int stride = Math.max(2, all.size() / queries);
        List<String> asked = new ArrayList<>();
        List<String> filler = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % stride == stride - 1 && asked.size() < queries) {
                asked.add(all.get(i));
            } else {
                filler.add(all.get(i));
            }
        }
        List<Article> articles = KbFolder.readBundled(Instant.now()).articles();
        try (EncoderService service = EncoderService.start(EncoderSettings.defaults(Optional.empty()))) {
            SemanticEncoders encoders = Encoders.semantic(service);
            System.out.printf("Retrieval benchmark: %d articles + up to %d dataset sentences, %d queries (%d Chinese), "
                            + "blended search, vectors: %s / %s, %d cores%n", articles.size(), filler.size(), asked.size(),
                    asked.stream().filter(q -> q.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).count(),
                    encoders.forLanguage("en").map(e -> e.modelId()).orElse("none"),
                    encoders.forLanguage("zh").map(e -> e.modelId()).orElse("none"), Runtime.getRuntime().availableProcessors());
            System.out.printf("%n%10s %10s %12s %10s %10s %14s%n", "passages", "build s", "passages/s", "p50 ms", "p99 ms",
                    "encode p50 ms");
            RetrievalBenchmark.run(articles, filler, asked, sizes, encoders, TextProgress.onStandardError(),
                    r -> System.out.printf(Locale.ROOT, "%10d %10.1f %12.0f %10.2f %10.2f %14.2f%n", r.passages(),
                            r.buildSeconds(), r.passagesPerSecond(), r.p50Millis(), r.p99Millis(), r.encodeP50Millis()));
            System.out.println("\nBuild time includes encoding every passage with the sentence encoders.");
        }
        return 0;
    }
}
