package app.tandem.kb;

import app.tandem.nlp.TextEncoder;
import app.tandem.work.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lucene index of the knowledge base: one document per passage (and per learned question), with
 * BM25 over English and Chinese analysed fields and an HNSW vector field per language. It is derived
 * data: {@link KnowledgeBase} rebuilds it from the database when it is missing, corrupt, from another
 * schema, or built in another vector space (other encoder or weights).
 *
 * <p>Every commit records, in the commit's user data, the last database change it reflects
 * ({@link #reflectsChange()}), so the next start can tell what the database changed since (issue 16).
 * An article whose documents cannot be made or added is left out and named ({@link UnindexedArticle});
 * it never stops the rest.
 *
 * <p>One {@link IndexWriter}; a {@link SearcherManager} refreshed by a
 * {@link ControlledRealTimeReopenThread}, so an edit is searchable as soon as {@link #update} returns.
 */
public final class KbIndex implements AutoCloseable {

    /** Bump when the document layout changes: an index with another value is rebuilt. */
    static final String SCHEMA = "kb-passages-6"; // 5: Chinese stop list (KbAnalyzers.chinese); 6: locatives and 帮, 有 added to it
    /** Longer customer messages are cut for the query; the start carries the question. */
    public static final int MAX_QUERY_CHARS = 512;
    /** Passages each ranking contributes before fusion and grouping by article. */
    private static final int PASSAGES_PER_RANKING = 60;
    private static final float ABOUT_BOOST = 1.0f;
    /**
     * Clauses one analysed field may add to a keyword query. Four fields (text and about, English and
     * Chinese) of this many, with the filter's few, stay well under Lucene's 1,024 clauses.
     */
    static final int MAX_TERMS_PER_FIELD = 128;
    private static final String COMMIT_SCHEMA = "schema";
    private static final String COMMIT_SPACE = "space_";
    /** The last database change ({@link ArticleRepository#lastChange()}) the index reflects. */
    private static final String COMMIT_CHANGE = "db_change";
    /** Articles left out because they could not be indexed, one id a line: warned about at every start. */
    private static final String COMMIT_UNINDEXED = "unindexed";
    /**
     * Articles indexed without sentence vectors in an index that has them (saved while the models loaded, or
     * their encoding failed), one id a line: given their vectors once encoders in that space are in use.
     */
    private static final String COMMIT_WITHOUT_VECTORS = "without_vectors";
    /** Articles with no passage to search (a body of headings only), one id a line: absent, and rightly so. */
    private static final String COMMIT_NO_TEXT = "no_text";

    private static final Logger log = LoggerFactory.getLogger(KbIndex.class);

    private final Path folder;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final Analyzer analyzer;
    private final Highlights highlights;

    private KbIndex(Path folder, Directory directory, IndexWriter writer, Analyzer analyzer) throws IOException {
        this.folder = folder;
        this.directory = directory;
        this.writer = writer;
        this.analyzer = analyzer;
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        this.reopener = new ControlledRealTimeReopenThread<>(writer, searchers, 1.0, 0.02);
        this.reopener.setName("kb-index-reopen");
        this.reopener.setDaemon(true);
        this.reopener.start();
        this.highlights = new Highlights(analyzer);
    }

    /** The Lucene release that writes and reads the index, for {@code doctor}. */
    public static String luceneVersion() {
        return Version.LATEST.toString();
    }

    /**
     * Opens the index in {@code folder}. A corrupt or unreadable index, or one written with another
     * schema, is wiped and reopened empty; the article count then tells {@link KnowledgeBase} to rebuild.
     */
    public static KbIndex open(Path folder) {
        Analyzer analyzer = KbAnalyzers.perField();
        try {
            Files.createDirectories(folder);
            try {
                return openExisting(folder, analyzer);
            } catch (IOException | RuntimeException e) {
                log.warn("The knowledge-base index in {} cannot be used ({}); it will be rebuilt", folder, e.toString());
                wipe(folder);
                return openExisting(folder, analyzer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the knowledge-base index in " + folder, e);
        }
    }

    private static KbIndex openExisting(Path folder, Analyzer analyzer) throws IOException {
        Directory directory = FSDirectory.open(folder);
        Map<String, String> commitData = new HashMap<>(Map.of(COMMIT_SCHEMA, SCHEMA));
        boolean existed = DirectoryReader.indexExists(directory);
        if (existed) {
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                Map<String, String> previous = reader.getIndexCommit().getUserData();
                if (!SCHEMA.equals(previous.get(COMMIT_SCHEMA))) {
                    throw new IOException("index schema " + previous.get(COMMIT_SCHEMA) + ", expected " + SCHEMA);
                }
                commitData.putAll(previous);
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        }
        IndexWriter writer = new IndexWriter(directory,
                new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        writer.setLiveCommitData(commitData.entrySet());
        if (!existed) {
            writer.commit();
        }
        return new KbIndex(folder, directory, writer, analyzer);
    }

    /** How many articles the index holds. */
    public int articleCount() {
        return withSearcher(s -> s.count(new TermQuery(new Term(KbFields.FIRST, "1"))));
    }

    public int passageCount() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** The vector space each language's documents were encoded in ({@link SemanticEncoders#NO_VECTORS} if none). */
    public String vectorSpace(String language) {
        return commitData().getOrDefault(COMMIT_SPACE + language, SemanticEncoders.NO_VECTORS);
    }

    /** The last database change the index reflects; empty for an index written before changes were counted. */
    public OptionalLong reflectsChange() {
        String change = commitData().get(COMMIT_CHANGE);
        return change == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(change));
    }

    /** The articles left out because they could not be indexed, by id. */
    public Set<String> unindexed() {
        return lines(commitData().get(COMMIT_UNINDEXED));
    }

    /** Articles indexed without vectors although the index has them in their language. */
    Set<String> withoutVectors() {
        return lines(commitData().get(COMMIT_WITHOUT_VECTORS));
    }

    /** Articles the index holds no documents for because they have no passage to search. */
    Set<String> withoutText() {
        return lines(commitData().get(COMMIT_NO_TEXT));
    }

    /** The version of each article the index serves, by id: what a check compares with the database. */
    public Map<String, Integer> indexedVersions() {
        return withSearcher(s -> {
            Map<String, Integer> versions = new HashMap<>();
            TermQuery first = new TermQuery(new Term(KbFields.FIRST, "1"));
            for (ScoreDoc hit : s.search(first, Math.max(1, s.count(first))).scoreDocs) {
                Document doc = s.storedFields().document(hit.doc, Set.of(KbFields.ARTICLE, KbFields.VERSION));
                versions.put(doc.get(KbFields.ARTICLE), doc.getField(KbFields.VERSION).numericValue().intValue());
            }
            return versions;
        });
    }

    /**
     * Re-indexes {@code articles} (each with its learned questions), removes {@code removed}, and records
     * that the index now reflects database change {@code change}: one commit, searchable when this returns.
     * Returns the articles that could not be indexed; they are out of the index, not left at an older version.
     * The documents are all made before the index is touched, so an encoder that breaks leaves it as it was.
     */
    List<UnindexedArticle> update(List<Article> articles, Map<String, List<AlternateQuestion>> questions,
                                  Set<String> removed, SemanticEncoders encoders, long change, Progress progress) {
        List<Made> made = new ArrayList<>();
        EncoderFailures encoderFailures = new EncoderFailures();
        for (Article article : articles) {
            made.add(documents(article, questions.getOrDefault(article.id(), List.of()),
                    encodersIfCurrent(encoders, article.language()), encoderFailures));
            progress.update(made.size(), articles.size(), article.title());
        }
        Set<String> unindexed = new TreeSet<>(unindexed());
        Set<String> withoutVectors = new TreeSet<>(withoutVectors());
        Set<String> withoutText = new TreeSet<>(withoutText());
        List<UnindexedArticle> failed = new ArrayList<>();
        try {
            long generation = 0;
            for (int i = 0; i < articles.size(); i++) {
                Article article = articles.get(i);
                Term id = new Term(KbFields.ARTICLE, article.id());
                Optional<UnindexedArticle> problem = made.get(i).problem();
                if (problem.isEmpty()) {
                    try {
                        generation = writer.updateDocuments(id, made.get(i).docs());
                    } catch (IllegalArgumentException e) {
                        // A document Lucene refuses (an immense term) aborts neither the writer nor the others.
                        problem = Optional.of(UnindexedArticle.of(article, e));
                    }
                }
                unindexed.remove(article.id());
                withoutVectors.remove(article.id());
                withoutText.remove(article.id());
                if (problem.isPresent()) {
                    log.warn("Article {} left out of the search index: {}", article.id(), problem.get().reason());
                    generation = writer.deleteDocuments(id);
                    unindexed.add(article.id());
                    failed.add(problem.get());
                } else if (made.get(i).docs().isEmpty()) {
                    withoutText.add(article.id());
                } else if (made.get(i).withoutVectors(vectorSpace(article.language()))) {
                    withoutVectors.add(article.id());
                }
            }
            for (String id : removed) {
                generation = writer.deleteDocuments(new Term(KbFields.ARTICLE, id));
                unindexed.remove(id);
                withoutVectors.remove(id);
                withoutText.remove(id);
            }
            Map<String, String> data = commitData();
            data.put(COMMIT_CHANGE, Long.toString(change));
            data.put(COMMIT_UNINDEXED, String.join("\n", unindexed));
            data.put(COMMIT_WITHOUT_VECTORS, String.join("\n", withoutVectors));
            data.put(COMMIT_NO_TEXT, String.join("\n", withoutText));
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            reopener.waitForGeneration(generation);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the knowledge-base index", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return failed;
    }

    /** Vectors for a single article only in the space the whole index is in, so spaces never mix. */
    private Optional<TextEncoder> encodersIfCurrent(SemanticEncoders encoders, String language) {
        return encoders.space(language).equals(vectorSpace(language)) ? encoders.forLanguage(language) : Optional.empty();
    }

    /** An article's documents, or why there are none; {@code encoded}: with vectors. */
    private record Made(List<Document> docs, boolean encoded, Optional<UnindexedArticle> problem) {
        boolean withoutVectors(String indexSpace) {
            return !encoded && !indexSpace.equals(SemanticEncoders.NO_VECTORS);
        }
    }

    /**
     * The article's documents. Its text may be what an older Tandem let in, and its encoding may fail on it:
     * a failed encoding falls back to keywords only, anything else leaves this one article out.
     */
    private static Made documents(Article article, List<AlternateQuestion> questions, Optional<TextEncoder> encoder,
                                  EncoderFailures encoderFailures) {
        try {
            Made made = new Made(KbDocuments.of(article, questions, encoder), encoder.isPresent(), Optional.empty());
            encoderFailures.succeeded();
            return made;
        } catch (RuntimeException | StackOverflowError e) {
            if (encoder.isEmpty()) {
                return new Made(List.of(), false, Optional.of(UnindexedArticle.of(article, e)));
            }
            encoderFailures.failed(e);
            log.warn("Article {} could not be encoded ({}); indexed for keyword search only", article.id(), e.toString());
            return documents(article, questions, Optional.empty(), encoderFailures);
        }
    }

    /**
     * Encoding failures one after another: past a few it is the encoder that is broken (closed, out of memory),
     * not the articles, and the work stops with the index as it was rather than go on without vectors.
     */
    private static final class EncoderFailures {
        private static final int MAX_IN_A_ROW = 3;
        private int inARow;

        void succeeded() {
            inARow = 0;
        }

        void failed(Throwable e) {
            if (++inARow >= MAX_IN_A_ROW) {
                throw new IllegalStateException("The sentence encoder failed on " + inARow + " articles in a row", e);
            }
        }
    }

    /**
     * Documents for a whole new index, made before the index is touched: the slow part (encoding), which
     * {@link #replace} then swaps in. Articles that cannot be indexed are in {@link #unindexed()}.
     */
    final class Rebuild {
        private final List<List<Document>> docs = new ArrayList<>();
        private final List<String> ids = new ArrayList<>();
        private final Map<String, UnindexedArticle> unindexed = new TreeMap<>();
        private final Set<String> withoutVectors = new TreeSet<>();
        private final Set<String> withoutText = new TreeSet<>();
        private final SemanticEncoders encoders;

        private Rebuild(SemanticEncoders encoders) {
            this.encoders = encoders;
        }

        List<UnindexedArticle> unindexed() {
            return List.copyOf(unindexed.values());
        }
    }

    Rebuild prepare(List<Article> articles, Map<String, List<AlternateQuestion>> questions, SemanticEncoders encoders,
                    Progress progress) {
        Rebuild rebuild = new Rebuild(encoders);
        EncoderFailures encoderFailures = new EncoderFailures();
        int done = 0;
        for (Article article : articles) {
            progress.checkCancelled();
            Optional<TextEncoder> encoder = encoders.forLanguage(article.language());
            Made made = documents(article, questions.getOrDefault(article.id(), List.of()), encoder, encoderFailures);
            if (made.problem().isPresent()) {
                log.warn("Article {} left out of the search index: {}", article.id(), made.problem().get().reason());
                rebuild.unindexed.put(article.id(), made.problem().get());
            } else if (made.docs().isEmpty()) {
                rebuild.withoutText.add(article.id());
            } else {
                rebuild.docs.add(made.docs());
                rebuild.ids.add(article.id());
                if (made.withoutVectors(encoders.space(article.language()))) {
                    rebuild.withoutVectors.add(article.id());
                }
            }
            progress.update(++done, articles.size(), article.title());
        }
        return rebuild;
    }

    /** Replaces the whole index with {@code rebuild}, reflecting database change {@code change} (none: eval's index). */
    void replace(Rebuild rebuild, OptionalLong change) {
        try {
            writer.deleteAll();
            for (int i = 0; i < rebuild.docs.size(); i++) {
                try {
                    writer.addDocuments(rebuild.docs.get(i));
                } catch (IllegalArgumentException e) {
                    String id = rebuild.ids.get(i);
                    log.warn("Article {} left out of the search index: {}", id, e.toString());
                    writer.deleteDocuments(new Term(KbFields.ARTICLE, id));
                    rebuild.unindexed.put(id, new UnindexedArticle(id, e.toString()));
                    rebuild.withoutVectors.remove(id);
                }
            }
            Map<String, String> data = new HashMap<>(Map.of(COMMIT_SCHEMA, SCHEMA));
            for (String language : ArticleFile.LANGUAGES) {
                data.put(COMMIT_SPACE + language, rebuild.encoders.space(language));
            }
            change.ifPresent(c -> data.put(COMMIT_CHANGE, Long.toString(c)));
            data.put(COMMIT_UNINDEXED, String.join("\n", rebuild.unindexed.keySet()));
            data.put(COMMIT_WITHOUT_VECTORS, String.join("\n", rebuild.withoutVectors));
            data.put(COMMIT_NO_TEXT, String.join("\n", rebuild.withoutText));
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the knowledge-base index", e);
        }
    }

    /**
     * Replaces the whole index with these articles, encoded with {@code encoders}, for an index no database
     * stands behind (eval). The slow part (encoding) happens before the index is touched, so searches keep
     * working meanwhile; cancelling then leaves the index as it was.
     */
    public void rebuild(List<Article> articles, Map<String, List<AlternateQuestion>> questions, SemanticEncoders encoders,
                        Progress progress) {
        replace(prepare(articles, questions, encoders, progress), OptionalLong.empty());
    }

    private Map<String, String> commitData() {
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        return data;
    }

    private static Set<String> lines(String value) {
        return value == null || value.isEmpty() ? Set.of() : Set.of(value.split("\n"));
    }

    /**
     * Articles for a customer message or an agent's search, best first, each with its best passage.
     * Any text is safe: it is analysed, never parsed as query syntax. Without a query vector (or in
     * {@link RetrievalMode#KEYWORDS}) the ranking is BM25 alone.
     */
    public List<ArticleHit> search(String text, Optional<QueryVector> vector, SearchFilter filter, int limit,
                                   RetrievalMode mode) {
        String queryText = text == null ? "" : text.strip();
        if (queryText.length() > MAX_QUERY_CHARS) {
            queryText = queryText.substring(0, MAX_QUERY_CHARS);
        }
        if (limit <= 0) {
            return List.of();
        }
        Optional<Query> relevance = mode == RetrievalMode.VECTORS ? Optional.empty() : relevance(queryText, filter.language());
        Optional<QueryVector> usable = mode == RetrievalMode.KEYWORDS ? Optional.empty()
                : vector.filter(v -> !vectorSpace(v.language()).equals(SemanticEncoders.NO_VECTORS));
        if (relevance.isEmpty() && usable.isEmpty()) {
            return List.of();
        }
        Query filterQuery = filter(filter);
        return withSearcher(searcher -> {
            ScoreDoc[] keywords = relevance.isEmpty() ? new ScoreDoc[0]
                    : searcher.search(and(relevance.get(), filterQuery), PASSAGES_PER_RANKING).scoreDocs;
            ScoreDoc[] vectors = usable.isEmpty() ? new ScoreDoc[0]
                    : searcher.search(new KnnFloatVectorQuery(KbFields.vector(usable.get().language()), usable.get().vector(),
                            PASSAGES_PER_RANKING, filterQuery), PASSAGES_PER_RANKING).scoreDocs;
            List<PassageRanking.Ranked> ranked;
            if (vectors.length == 0) {
                ranked = PassageRanking.keywordsOnly(keywords);
            } else if (keywords.length == 0) {
                ranked = PassageRanking.vectorsOnly(vectors);
            } else {
                ranked = mode == RetrievalMode.BLEND ? PassageRanking.blend(keywords, vectors)
                        : PassageRanking.reciprocalRank(keywords, vectors);
            }
            return hits(searcher, ranked, relevance, limit);
        });
    }

    private List<ArticleHit> hits(IndexSearcher searcher, List<PassageRanking.Ranked> ranked, Optional<Query> relevance,
                                  int limit) throws IOException {
        Map<String, ArticleHit> best = new LinkedHashMap<>();
        for (PassageRanking.Ranked r : ranked) {
            Document doc = searcher.storedFields().document(r.doc());
            String id = doc.get(KbFields.ARTICLE);
            if (best.containsKey(id)) {
                continue;
            }
            String language = doc.get(KbFields.LANGUAGE);
            boolean question = doc.get(KbFields.ANSWER) != null;
            String passage = question ? doc.get(KbFields.ANSWER) : doc.get(KbFields.text(language));
            Snippet snippet = relevance.map(q -> highlights.of(KbFields.text(language), q, passage))
                    .orElse(Snippet.plain(passage));
            String matchedText = doc.get(KbFields.text(language));
            Optional<String> matchedQuestion = question && !matchedText.equals(doc.get(KbFields.TITLE))
                    ? Optional.of(matchedText) : Optional.empty();
            best.put(id, new ArticleHit(id, doc.getField(KbFields.VERSION).numericValue().intValue(), doc.get(KbFields.TITLE),
                    language, doc.getField(KbFields.PASSAGE).numericValue().intValue(), passage, snippet, r.score(),
                    r.cosine(), matchedQuestion));
            if (best.size() == limit) {
                break;
            }
        }
        return new ArrayList<>(best.values());
    }

    private Optional<Query> relevance(String text, Optional<String> language) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean hasClause = false;
        for (String lang : language.map(List::of).orElse(List.of("en", "zh"))) {
            Query body = fieldQuery(builder, KbFields.text(lang), text);
            Query about = fieldQuery(builder, KbFields.about(lang), text);
            if (body != null) {
                any.add(body, Occur.SHOULD);
                hasClause = true;
            }
            if (about != null) {
                any.add(new BoostQuery(about, ABOUT_BOOST), Occur.SHOULD);
            }
        }
        return hasClause ? Optional.of(any.build()) : Optional.empty();
    }

    /**
     * One field's share of the keyword query: a clause per analysed term, as {@link QueryBuilder} makes it.
     * A long turn (about 320 distinct Chinese characters was enough, issue 16) made more clauses over the
     * four fields than Lucene allows ({@link IndexSearcher#getMaxClauseCount()}) and got no suggestions at
     * all; past {@link #MAX_TERMS_PER_FIELD} terms it is searched by its most informative ones instead.
     */
    private Query fieldQuery(QueryBuilder builder, String field, String text) {
        List<String> terms = terms(field, text);
        if (terms.size() <= MAX_TERMS_PER_FIELD) {
            return builder.createBooleanQuery(field, text, Occur.SHOULD);
        }
        List<String> kept = withSearcher(searcher -> mostInformative(searcher.getIndexReader(), field, terms,
                MAX_TERMS_PER_FIELD));
        if (kept.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        kept.forEach(t -> query.add(new TermQuery(new Term(field, t)), Occur.SHOULD));
        return query.build();
    }

    /**
     * At most {@code max} distinct terms, rarest in {@code field} first (highest IDF, what BM25 weighs most),
     * ties in the order the customer wrote them. Terms no document holds are left out: they score nothing.
     */
    static List<String> mostInformative(IndexReader reader, String field, List<String> terms, int max) throws IOException {
        Map<String, Integer> docFreq = new LinkedHashMap<>();
        for (String t : terms) {
            if (!docFreq.containsKey(t)) {
                docFreq.put(t, reader.docFreq(new Term(field, t)));
            }
        }
        return docFreq.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByValue())
                .limit(max).map(Map.Entry::getKey).toList();
    }

    /** The terms the field's analyser makes of {@code text}, repeats included (each is a clause). */
    private List<String> terms(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot analyse a query for " + field, e);
        }
        return out;
    }

    private static Query filter(SearchFilter filter) {
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        filter.language().ifPresent(l -> q.add(new TermQuery(new Term(KbFields.LANGUAGE, l)), Occur.FILTER));
        filter.tag().ifPresent(t -> q.add(new TermQuery(new Term(KbFields.TAG, t)), Occur.FILTER));
        List<BytesRef> statuses = filter.statuses().stream().map(s -> new BytesRef(s.name())).toList();
        q.add(new TermInSetQuery(KbFields.STATUS, statuses), Occur.FILTER);
        return q.build();
    }

    private static Query and(Query relevance, Query filter) {
        return new BooleanQuery.Builder().add(relevance, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The knowledge-base index could not be read", e);
        }
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            reopener.close();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            log.warn("Closing the knowledge-base index failed", e);
        }
    }

    private static void wipe(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(folder)) {
                    Files.delete(p);
                }
            }
        }
    }
}
