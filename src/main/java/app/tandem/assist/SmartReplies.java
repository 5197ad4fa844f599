package app.tandem.assist;

import app.tandem.nlp.LanguageDetector;
import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, Index.Partition> partitions = new HashMap<>();
        for (String language : entries.stream().map(AllowlistEntry::language).distinct().toList()) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).language().equals(language)) {
                    members.add(i);
                }
            }
            QuestionNeighbours neighbours = QuestionNeighbours.of(members.stream().map(vectors::get).toArray(float[][]::new));
            int[] entryOf = members.stream().mapToInt(Integer::intValue).toArray();
            partitions.put(Index.partition(language, modelId), new Index.Partition(List.of(), entryOf, neighbours,
                    neighbours.select(q -> entries.get(entryOf[q]).status() == AllowlistEntry.Status.ALLOWED)));
        }
        smart.index = new Index(entries.toArray(new AllowlistEntry[0]), partitions, Map.of(), true);
        return smart;
    }

    /** Rebuilds the unreviewed entries from the message history; returns the number of entries. */
    public int rebuildFromHistory() {
        List<AllowlistRepository.SentReply> sent = new ArrayList<>();
        List<String> languageOf = new ArrayList<>();
        for (AllowlistRepository.SentReply s : repository.sentReplies(MAX_HISTORY)) {
            String reply = s.reply().strip();
            if (reply.length() < 8 || reply.length() > 2000 || !Placeholders.unfilled(reply).isEmpty()) {
                continue;
            }
            sent.add(s);
            languageOf.add(languages.detect(reply).code());
        }
        float[][] vectors = replyVectors(sent, languageOf);
        List<AllowlistEntry> clusters = new ArrayList<>();
        List<float[]> centres = new ArrayList<>();
        for (int k = 0; k < sent.size(); k++) {
            AllowlistRepository.SentReply s = sent.get(k);
            String reply = s.reply().strip();
            String language = languageOf.get(k);
            float[] v = vectors[k];
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

    /**
     * The vector of each reply (null where its language has no encoder), each distinct text encoded once,
     * in one bulk call per language: one call per reply cost a round trip to the inference thread and a batch of one each,
     * which made this the slowest step of a start with a long history (and of the dialogue replay).
     */
    private float[][] replyVectors(List<AllowlistRepository.SentReply> sent, List<String> languageOf) {
        float[][] vectors = new float[sent.size()][];
        Map<String, List<Integer>> byLanguage = new LinkedHashMap<>();
        for (int k = 0; k < sent.size(); k++) {
            byLanguage.computeIfAbsent(languageOf.get(k), l -> new ArrayList<>()).add(k);
        }
        byLanguage.forEach((language, members) -> encoders.apply(language).ifPresent(encoder -> {
            // The same reply is sent many times ("Have a good day."): each distinct text is encoded once.
            List<String> texts = members.stream().map(k -> Vectors.cut(sent.get(k).reply().strip())).toList();
            List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(texts));
            List<float[]> encoded = encoder.encodePassages(distinct);
            Map<String, float[]> byText = new HashMap<>();
            for (int j = 0; j < distinct.size(); j++) {
                byText.put(distinct.get(j), encoded.get(j));
            }
            for (int j = 0; j < members.size(); j++) {
                vectors[members.get(j)] = byText.get(texts.get(j));
            }
        }));
        return vectors;
    }

    /** Re-reads the entries and encodes their questions (call off the FX thread, after encoders load). */
    public void reload() {
        List<AllowlistEntry> all = repository.all();
        Index before = index;
        index = Index.build(all, encoders, language -> encoders.apply(language).map(TextEncoder::modelId).orElse(""),
                before.vectors, before);
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
                return Index.suggestable(e, now.curated());
            }
        }
        return false;
    }

    /** Below this cosine a past reply could not pass the abstain bar anyway: it is not even considered. */
    static final double MIN_SIMILARITY = 0.45;

    @Override
    public List<Match> match(String language, String modelId, float[] context, int limit) {
        Index now = index;
        Index.Partition partition = now.partitions.get(Index.partition(language, modelId));
        if (partition == null || limit <= 0) {
            return List.of();
        }
        // An entry answers several questions: ask for more questions than entries, keep each entry's best.
        int[] nearest = partition.neighbours().nearest(context, Math.max(4 * limit, 16), partition.suggestable());
        Map<Integer, Double> best = new LinkedHashMap<>();
        for (int q : nearest) {
            double s = partition.neighbours().similarity(q, context);
            if (s >= MIN_SIMILARITY) {
                best.merge(partition.questionEntry()[q], s, Math::max);
            }
        }
        List<Match> found = new ArrayList<>();
        best.forEach((e, s) -> found.add(new Match(now.entries[e].id(), now.entries[e].text(), s, now.entries[e].timesSent())));
        found.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /**
     * The entries, and per language and encoder the vectors of the questions they answered. Question
     * vectors are kept from one build to the next, and a partition whose questions did not change keeps
     * its graph: allowing or blocking an entry re-encodes nothing and rebuilds no graph.
     */
    private record Index(AllowlistEntry[] entries, Map<String, Partition> partitions, Map<String, float[]> vectors,
                         boolean curated) {

        static final Index EMPTY = new Index(new AllowlistEntry[0], Map.of(), Map.of(), false);

        record Partition(List<String> questions, int[] questionEntry, QuestionNeighbours neighbours,
                         QuestionNeighbours.Selection suggestable) {}

        static String partition(String language, String modelId) {
            return language + "|" + modelId;
        }

        static String key(String modelId, String question) {
            return modelId + "\n" + question;
        }

        static boolean suggestable(AllowlistEntry e, boolean curated) {
            return e.status() == AllowlistEntry.Status.ALLOWED || !curated && e.status() == AllowlistEntry.Status.UNREVIEWED;
        }

        static Index build(List<AllowlistEntry> all, Function<String, Optional<TextEncoder>> encoders,
                           Function<String, String> modelOf, Map<String, float[]> known, Index before) {
            boolean curated = all.stream().anyMatch(e -> e.status() != AllowlistEntry.Status.UNREVIEWED);
            Map<String, List<Integer>> owners = new LinkedHashMap<>();
            Map<String, List<String>> questions = new LinkedHashMap<>();
            for (int i = 0; i < all.size(); i++) {
                AllowlistEntry e = all.get(i);
                String model = modelOf.apply(e.language());
                if (model.isEmpty()) {
                    continue;
                }
                String p = partition(e.language(), model);
                for (String q : e.questions()) {
                    owners.computeIfAbsent(p, x -> new ArrayList<>()).add(i);
                    questions.computeIfAbsent(p, x -> new ArrayList<>()).add(Vectors.cut(q));
                }
            }
            Map<String, float[]> vectors = new HashMap<>();
            Map<String, Partition> partitions = new HashMap<>();
            for (Map.Entry<String, List<String>> part : questions.entrySet()) {
                String language = part.getKey().substring(0, part.getKey().indexOf('|'));
                String model = part.getKey().substring(part.getKey().indexOf('|') + 1);
                List<String> qs = part.getValue();
                List<String> missing = qs.stream().filter(q -> !known.containsKey(key(model, q))).distinct().toList();
                Optional<TextEncoder> encoder = encoders.apply(language);
                if (!missing.isEmpty() && encoder.isEmpty()) {
                    continue;
                }
                List<float[]> fresh = missing.isEmpty() ? List.of() : encoder.get().encodePassages(missing);
                for (int i = 0; i < missing.size(); i++) {
                    vectors.put(key(model, missing.get(i)), fresh.get(i));
                }
                float[][] matrix = new float[qs.size()][];
                for (int i = 0; i < qs.size(); i++) {
                    String k = key(model, qs.get(i));
                    matrix[i] = vectors.computeIfAbsent(k, known::get);
                }
                int[] entryOf = owners.get(part.getKey()).stream().mapToInt(Integer::intValue).toArray();
                Partition previous = before.partitions.get(part.getKey());
                QuestionNeighbours neighbours = previous != null && previous.questions().equals(qs) ? previous.neighbours()
                        : QuestionNeighbours.of(matrix);
                QuestionNeighbours.Selection selection = neighbours.select(q -> suggestable(all.get(entryOf[q]), curated));
                partitions.put(part.getKey(), new Partition(List.copyOf(qs), entryOf, neighbours, selection));
            }
            return new Index(all.toArray(new AllowlistEntry[0]), partitions, vectors, curated);
        }
    }
}
