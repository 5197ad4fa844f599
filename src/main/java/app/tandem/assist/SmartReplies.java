package app.tandem.assist;

import app.tandem.nlp.LanguageDetector;
import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Smart Reply: the response allowlist built from what agents actually sent, and matching a customer
 * context against it. Matching is a dual encoder: the context vector against the vectors of the
 * customer messages each reply answered (the best one counts). Near-duplicate replies (cosine at or
 * above {@link #SAME_REPLY}) form one entry. Once supervisors have reviewed any entry, curation is on
 * and only Allowed entries are suggested; Blocked ones never are.
 */
public final class SmartReplies implements PastReplies {

    static final double SAME_REPLY = 0.90;
    static final int MAX_HISTORY = 20_000;

    private final AllowlistRepository repository;
    private final Function<String, Optional<TextEncoder>> encoders;
    private final LanguageDetector languages = new LanguageDetector();
    private volatile Index index = Index.EMPTY;

    /** {@code encoders} gives the encoder for a language code, empty while models load. */
    public SmartReplies(AllowlistRepository repository, Function<String, Optional<TextEncoder>> encoders) {
        this.repository = repository;
        this.encoders = encoders;
    }

    /**
     * An allowlist held in memory only, with one precomputed question vector per entry (all Allowed),
     * for benchmarks: the matching is the same scan as for a stored list.
     */
    public static SmartReplies inMemory(List<AllowlistEntry> entries, List<float[]> vectors, String modelId) {
        SmartReplies smart = new SmartReplies(null, lang -> Optional.empty());
        String[] models = new String[entries.size()];
        Arrays.fill(models, modelId);
        int[] owners = new int[vectors.size()];
        for (int i = 0; i < owners.length; i++) {
            owners[i] = i;
        }
        smart.index = new Index(entries.toArray(new AllowlistEntry[0]), models, owners, vectors.toArray(new float[0][]), true);
        return smart;
    }

    /** Rebuilds the unreviewed entries from the message history; returns the number of entries. */
    public int rebuildFromHistory() {
        List<AllowlistRepository.SentReply> sent = repository.sentReplies(MAX_HISTORY);
        List<AllowlistEntry> clusters = new ArrayList<>();
        List<float[]> centres = new ArrayList<>();
        for (AllowlistRepository.SentReply s : sent) {
            String reply = s.reply().strip();
            if (reply.length() < 8 || reply.length() > 2000 || !Placeholders.unfilled(reply).isEmpty()) {
                continue;
            }
            String language = languages.detect(reply).code();
            Optional<TextEncoder> encoder = encoders.apply(language);
            float[] v = encoder.map(e -> e.encodePassage(Vectors.cut(reply))).orElse(null);
            int same = -1;
            for (int i = 0; i < clusters.size() && same < 0; i++) {
                AllowlistEntry c = clusters.get(i);
                if (!c.language().equals(language)) {
                    continue;
                }
                boolean close = v != null && centres.get(i) != null ? Vectors.cosine(v, centres.get(i)) >= SAME_REPLY
                        : c.text().equalsIgnoreCase(reply);
                if (close) {
                    same = i;
                }
            }
            String question = s.question().length() > 2000 ? s.question().substring(0, 2000) : s.question();
            if (same < 0) {
                clusters.add(new AllowlistEntry(0, language, reply, AllowlistEntry.Status.UNREVIEWED, 1, List.of(question)));
                centres.add(v);
            } else {
                AllowlistEntry c = clusters.get(same);
                List<String> qs = new ArrayList<>(c.questions());
                if (qs.size() < 50 && !qs.contains(question)) {
                    qs.add(question);
                }
                clusters.set(same, new AllowlistEntry(0, c.language(), c.text(), c.status(), c.timesSent() + 1, qs));
            }
        }
        repository.replaceUnreviewed(clusters);
        reload();
        return index.entries.length;
    }

    /** Re-reads the entries and encodes their questions (call off the FX thread, after encoders load). */
    public void reload() {
        List<AllowlistEntry> all = repository.all();
        index = Index.build(all, encoders);
    }

    public List<AllowlistEntry> entries() {
        return repository.all();
    }

    public void allow(long id, String supervisor) {
        repository.setStatus(id, AllowlistEntry.Status.ALLOWED, supervisor);
        reload();
    }

    public void block(long id, String supervisor) {
        repository.setStatus(id, AllowlistEntry.Status.BLOCKED, supervisor);
        reload();
    }

    /**
     * Deleting an entry that is on screen is allowed; the desk asks {@link #offers} before it inserts
     * or sends a suggestion made from it, and tells the agent the entry was withdrawn.
     */
    public void delete(long id) {
        repository.delete(id);
        reload();
    }

    /** True while entry {@code id} exists and may be suggested (not blocked, deleted, or left out by curation). */
    public boolean offers(long id) {
        Index now = index;
        for (AllowlistEntry e : now.entries) {
            if (e.id() == id) {
                return now.suggestable(e);
            }
        }
        return false;
    }

    /** Below this cosine a past reply could not pass the abstain bar anyway: it is not even considered. */
    static final double MIN_SIMILARITY = 0.45;

    @Override
    public List<Match> match(String language, String modelId, float[] context, int limit) {
        Index now = index;
        double[] best = new double[now.entries.length];
        Arrays.fill(best, -1);
        for (int q = 0; q < now.questionEntry.length; q++) {
            int e = now.questionEntry[q];
            AllowlistEntry entry = now.entries[e];
            if (!modelId.equals(now.modelIds[e]) || !entry.language().equals(language) || !now.suggestable(entry)) {
                continue;
            }
            double s = dot(now.questionVectors[q], context);
            if (s > best[e]) {
                best[e] = s;
            }
        }
        // Keep the best few in a small heap: a 50k allowlist must not allocate and sort 50k matches per turn.
        java.util.PriorityQueue<Integer> top = new java.util.PriorityQueue<>((a, b) -> Double.compare(best[a], best[b]));
        for (int e = 0; e < best.length; e++) {
            if (best[e] >= MIN_SIMILARITY && (top.size() < limit || best[e] > best[top.peek()])) {
                top.add(e);
                if (top.size() > limit) {
                    top.poll();
                }
            }
        }
        List<Match> found = new ArrayList<>();
        for (int e : top) {
            AllowlistEntry entry = now.entries[e];
            found.add(new Match(entry.id(), entry.text(), best[e], entry.timesSent()));
        }
        found.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return found;
    }

    private static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            return 0;
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The entries with one vector per answered question, flat for a fast scan. */
    private record Index(AllowlistEntry[] entries, String[] modelIds, int[] questionEntry, float[][] questionVectors,
                         boolean curated) {

        static final Index EMPTY = new Index(new AllowlistEntry[0], new String[0], new int[0], new float[0][], false);

        boolean suggestable(AllowlistEntry e) {
            return e.status() == AllowlistEntry.Status.ALLOWED || !curated && e.status() == AllowlistEntry.Status.UNREVIEWED;
        }

        static Index build(List<AllowlistEntry> all, Function<String, Optional<TextEncoder>> encoders) {
            boolean curated = all.stream().anyMatch(e -> e.status() != AllowlistEntry.Status.UNREVIEWED);
            List<Integer> owners = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            String[] models = new String[all.size()];
            for (int i = 0; i < all.size(); i++) {
                AllowlistEntry e = all.get(i);
                Optional<TextEncoder> encoder = encoders.apply(e.language());
                models[i] = encoder.map(TextEncoder::modelId).orElse("");
                if (encoder.isEmpty() || e.status() == AllowlistEntry.Status.BLOCKED) {
                    continue;
                }
                List<String> cut = e.questions().stream().map(Vectors::cut).toList();
                for (float[] v : encoder.get().encodePassages(cut.stream().map(q -> q).toList())) {
                    owners.add(i);
                    vectors.add(v);
                }
            }
            return new Index(all.toArray(new AllowlistEntry[0]), models, owners.stream().mapToInt(Integer::intValue).toArray(),
                    vectors.toArray(new float[0][]), curated);
        }
    }
}
