package app.tandem.kb;

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
 * <p>One {@link IndexWriter}; a {@link SearcherManager} refreshed by a
 * {@link ControlledRealTimeReopenThread}, so an edit is searchable as soon as {@link #put} returns.
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
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        return data.getOrDefault(COMMIT_SPACE + language, SemanticEncoders.NO_VECTORS);
    }

    /** Adds or replaces an article with its learned questions; it is searchable when this returns. */
    public void put(Article article, List<AlternateQuestion> questions, SemanticEncoders encoders) {
        List<Document> docs = KbDocuments.of(article, questions, encodersIfCurrent(encoders, article.language()));
        try {
            long generation = writer.updateDocuments(new Term(KbFields.ARTICLE, article.id()), docs);
            writer.commit();
            reopener.waitForGeneration(generation);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot index article " + article.id(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Vectors for a single article only in the space the whole index is in, so spaces never mix. */
    private Optional<app.tandem.nlp.TextEncoder> encodersIfCurrent(SemanticEncoders encoders, String language) {
        return encoders.space(language).equals(vectorSpace(language)) ? encoders.forLanguage(language) : Optional.empty();
    }

    public void remove(String articleId) {
        try {
            long generation = writer.deleteDocuments(new Term(KbFields.ARTICLE, articleId));
            writer.commit();
            reopener.waitForGeneration(generation);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove article " + articleId + " from the index", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Replaces the whole index with these articles, encoded with {@code encoders}. The slow part
     * (encoding) happens before the index is touched, so searches keep working meanwhile; cancelling
     * then leaves the index as it was.
     */
    public void rebuild(List<Article> articles, Map<String, List<AlternateQuestion>> questions, SemanticEncoders encoders,
                        Progress progress) {
        List<List<Document>> all = new ArrayList<>();
        int done = 0;
        for (Article article : articles) {
            progress.checkCancelled();
            all.add(KbDocuments.of(article, questions.getOrDefault(article.id(), List.of()),
                    encoders.forLanguage(article.language())));
            progress.update(++done, articles.size(), article.title());
        }
        try {
            writer.deleteAll();
            for (List<Document> docs : all) {
                writer.addDocuments(docs);
            }
            Map<String, String> commitData = new HashMap<>(Map.of(COMMIT_SCHEMA, SCHEMA));
            for (String language : ArticleFile.LANGUAGES) {
                commitData.put(COMMIT_SPACE + language, encoders.space(language));
            }
            writer.setLiveCommitData(commitData.entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot rebuild the knowledge-base index", e);
        }
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
