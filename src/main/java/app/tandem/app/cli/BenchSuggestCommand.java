package app.tandem.app.cli;

import app.tandem.app.Tandem;
import app.tandem.assist.AllowlistEntry;
import app.tandem.assist.AssistService;
import app.tandem.assist.Profiles;
import app.tandem.assist.SimpleSlots;
import app.tandem.assist.SmartReplies;
import app.tandem.assist.SuggestionLog;
import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.conversation.MessageOrigin;
import app.tandem.eval.Datasets;
import app.tandem.eval.LabelledText;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.QueryVector;
import app.tandem.kb.SearchFilter;
import app.tandem.nlp.TextEncoder;
import app.tandem.ui.common.FrameWatch;
import app.tandem.work.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tandem bench suggest}: customer message in, ranked suggestions out, on a large KB (Banking77
 * utterances added as extra passages) and a large in-memory Smart Reply allowlist (vectors of real
 * utterances, jittered). Prints p50/p99 of {@link AssistService#rank}.
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = "p50/p99 latency of suggestions with a large KB and allowlist.")
public final class BenchSuggestCommand implements Callable<Integer> {

    @Option(names = "--passages", defaultValue = "10000", description = "Extra KB passages (default 10000)")
    int passages;

    @Option(names = "--allowlist", defaultValue = "50000", description = "Allowlist entries (default 50000)")
    int allowlist;

    @Option(names = "--queries", defaultValue = "300", description = "Measured suggestion requests (default 300)")
    int queries;

    @Option(names = "--frames", defaultValue = "60",
            description = "Customer turns replayed into the desk window while the FX thread is timed (default 60; 0: skip)")
    int frameTurns;

    @Option(names = "--turn-gap-ms", defaultValue = "250", description = "Time between those customer turns (default 250 ms)")
    int turnGapMs;

    @Option(names = "--warmup", defaultValue = "300",
            description = "Untimed requests first, so the JIT has compiled the search path (default 300)")
    int warmup;

    @Option(names = "--settle-s", defaultValue = "30",
            description = "Seconds to wait after indexing, so start-up work (index merges, first re-ranker run) is not timed (default 30)")
    int settleSeconds;

    @Option(names = "--seeds", defaultValue = "2000", description = "Distinct encoded utterances the allowlist vectors are jittered from")
    int seedCount;

    @Override
    public Integer call() throws Exception {
        Path folder = Datasets.sharedFolder().orElseThrow(() -> new IllegalArgumentException(
                "Cannot find shared/datasets: set TANDEM_DATASETS")).resolve("banking77");
        List<LabelledText> utterances = Datasets.readTextCategoryCsv(folder.resolve("train.csv"));
        Path data = Files.createTempDirectory("tandem-bench-suggest");
        try (Tandem tandem = Tandem.start(data, Progress.NONE, true)) {
            tandem.awaitVectors("en", Duration.ofMinutes(10));
            TextEncoder encoder = tandem.knowledgeBase.encoders().forLanguage("en").orElseThrow(
                    () -> new IllegalStateException("The English encoder did not load: " + tandem.engineStatus()));
            System.out.println("Engine: " + tandem.engineStatus());
            long t0 = System.nanoTime();
            int perArticle = 100;
            for (int a = 0; a * perArticle < passages; a++) {
                StringBuilder body = new StringBuilder();
                for (int i = a * perArticle; i < Math.min(passages, (a + 1) * perArticle); i++) {
                    body.append(utterances.get(i % utterances.size()).text().replace('\n', ' ')).append("\n\n");
                }
                tandem.knowledgeBase.save(new Article("bench-" + a + "-en", "Bench article " + a, "en", ArticleStatus.PUBLISHED,
                        List.of(), List.of(), Optional.empty(), body.toString(), 0, Instant.now(), "bench"), 0, "bench");
            }
            System.out.printf(Locale.ROOT, "KB: %d passages indexed (%.0f s)%n", tandem.knowledgeBase.indexedPassages(),
                    (System.nanoTime() - t0) / 1e9);

            Random random = new Random(7);
            int distinct = Math.min(seedCount, utterances.size());
            List<float[]> seeds = encoder.encodePassages(utterances.subList(0, distinct).stream().map(LabelledText::text).toList());
            List<AllowlistEntry> entries = new ArrayList<>(allowlist);
            List<float[]> vectors = new ArrayList<>(allowlist);
            for (int i = 0; i < allowlist; i++) {
                float[] v = seeds.get(i % distinct).clone();
                for (int d = 0; d < v.length; d++) {
                    v[d] += (float) (random.nextGaussian() * 0.02);
                }
                vectors.add(normalise(v));
                entries.add(new AllowlistEntry(i + 1, "en", "Reply " + i + " to: " + utterances.get(i % distinct).text(),
                        AllowlistEntry.Status.ALLOWED, 1, List.of(utterances.get(i % distinct).text())));
            }
            SmartReplies smart = SmartReplies.inMemory(entries, vectors, encoder.modelId());
            AssistService assist = new AssistService(tandem.knowledgeBase, NO_LOG, tandem.macros, smart, Profiles.none(),
                    new SimpleSlots());
            System.out.printf(Locale.ROOT, "Allowlist: %d entries in memory%n", allowlist);

            List<LabelledText> asked = new ArrayList<>(utterances.subList(utterances.size() - Math.min(utterances.size(), queries + warmup),
                    utterances.size()));
            for (int i = 0; i < warmup && i < asked.size(); i++) {
                assist.rank(1, turns(asked.get(i).text()), "bench");
            }
            Thread.sleep(settleSeconds * 1000L);
            long[] nanos = new long[Math.min(queries, asked.size() - warmup)];
            for (int i = 0; i < nanos.length; i++) {
                List<Message> turns = turns(asked.get(warmup + i).text());
                long s = System.nanoTime();
                assist.rank(1, turns, "bench");
                nanos[i] = System.nanoTime() - s;
            }
            System.out.println("suggest: " + percentiles(nanos) + " (" + nanos.length + " requests on "
                    + Runtime.getRuntime().availableProcessors() + " cores)");

            // The allowlist's share, on the same customer messages.
            long[] matchNanos = new long[nanos.length];
            long[] encodeNanos = new long[nanos.length];
            long[] searchNanos = new long[nanos.length];
            for (int i = 0; i < matchNanos.length; i++) {
                long e = System.nanoTime();
                float[] context = encoder.encodeQuery(asked.get(warmup + i).text());
                encodeNanos[i] = System.nanoTime() - e;
                long k = System.nanoTime();
                tandem.knowledgeBase.search(asked.get(warmup + i).text(), new QueryVector("en", context), SearchFilter.publishedOnly(),
                        AssistService.MAX_ARTICLES);
                searchNanos[i] = System.nanoTime() - k;
                long s = System.nanoTime();
                smart.match("en", encoder.modelId(), context, AssistService.MAX_REPLIES);
                matchNanos[i] = System.nanoTime() - s;
            }
            System.out.println("  query encoding alone: " + percentiles(encodeNanos));
            System.out.println("  knowledge-base search alone: " + percentiles(searchNanos));
            System.out.println("  allowlist match alone: " + percentiles(matchNanos));

            if (frameTurns > 0) {
                Optional<String> why = SuggestionFrames.unavailable();
                if (why.isPresent()) {
                    System.out.println("worst frame: not measured: " + why.get());
                } else {
                    List<String> said = asked.subList(0, Math.min(frameTurns, asked.size())).stream().map(LabelledText::text).toList();
                    SuggestionFrames.Measured m = SuggestionFrames.measure(tandem, assist, said, Duration.ofMillis(turnGapMs));
                    System.out.printf(Locale.ROOT, "desk window built and shown in %d ms, of which the desk rehearsing in place "
                            + "before its first frame %d ms%n", m.shownMillis(), m.inPlaceMillis());
                    FrameWatch.Report o = m.opening();
                    System.out.printf(Locale.ROOT, "desk window opening, while the desk rehearses its drawing off screen (%d ms): FX thread CPU "
                                    + "between pulses: worst %.1f ms, p99 %.1f ms; busiest %s%n",
                            m.rehearsalMillis(), o.worstFrameCpu(), o.p99FrameCpu(), stretches(o));
                    FrameWatch.Report idle = m.idle();
                    System.out.printf(Locale.ROOT, "desk window idle, 5 s before the turns start (this machine's floor): worst frame %.1f ms, "
                                    + "p99 frame %.1f ms (%d frames); FX thread CPU between pulses: worst %.1f ms, p99 %.1f ms%n",
                            idle.worstFrame(), idle.p99Frame(), idle.frames(), idle.worstFrameCpu(), idle.p99FrameCpu());
                    FrameWatch.Report f = m.first();
                    System.out.printf(Locale.ROOT, "desk window, the session's first conversation (%d turns; first use of every kind of work): "
                                    + "worst frame %.1f ms; FX thread CPU between pulses: worst %.1f ms, p99 %.1f ms; busiest %s%n",
                            SuggestionFrames.FIRST_TURNS, f.worstFrame(), f.worstFrameCpu(), f.p99FrameCpu(), stretches(f));
                    FrameWatch.Report r = m.flowing();
                    System.out.printf(Locale.ROOT, "desk window, a new conversation, %d customer turns %d ms apart: worst frame %.1f ms, p99 frame %.1f ms "
                                    + "(%d frames, %d over 33.3 ms); FX thread busy: worst wait %.1f ms, p99 %.1f ms (%d probes)%n",
                            said.size(), turnGapMs, r.worstFrame(), r.p99Frame(), r.frames(), r.longFrames(), r.worstWait(),
                            r.p99Wait(), r.probes());
                    System.out.printf(Locale.ROOT, "  FX thread CPU time between pulses (its own work, not waiting for a core): "
                            + "worst %.1f ms, p99 %.1f ms, %.0f ms in all%n", r.worstFrameCpu(), r.p99FrameCpu(), r.totalCpu());
                    System.out.printf(Locale.ROOT, "  its five busiest stretches (CPU, when: s after the turns began, %d ms apart): %s%n",
                            turnGapMs, stretches(r));
                }
            }
        }
        return 0;
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms", sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static List<Message> turns(String text) {
        return List.of(new Message(1, 1, 1, Author.CUSTOMER, text, MessageOrigin.CUSTOMER, OptionalLong.empty(),
                Optional.empty(), Instant.EPOCH));
    }

    private static float[] normalise(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(n);
        }
        return v;
    }

    private static final SuggestionLog NO_LOG = new SuggestionLog() {
        @Override
        public List<app.tandem.assist.Suggestion> recordShown(long c, int seq, List<app.tandem.assist.Suggestion> shown, String agent) {
            return shown;
        }

        @Override
        public void recordAction(long id, app.tandem.assist.SuggestionAction action, Integer d, String agent) {}

        @Override
        public void recordRejection(long id, Optional<String> reason, String agent) {}

        @Override
        public void ignoreUnanswered(long c, String agent) {}

        @Override
        public List<Logged> forConversation(long c) {
            return List.of();
        }

        @Override
        public List<Logged> withActions(int limit) {
            return List.of();
        }
    };

    private static String stretches(FrameWatch.Report r) {
        return r.busiest().stream().map(b -> String.format(Locale.ROOT, "%.1f ms at %.2f s (CSS+layout %.1f)", b[0], b[1], b[2])).toList().toString();
    }
}
