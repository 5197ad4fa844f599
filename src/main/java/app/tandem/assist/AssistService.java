package app.tandem.assist;

import app.tandem.conversation.Message;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.QueryVector;
import app.tandem.kb.SearchFilter;
import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Computes suggestions for a conversation's latest customer turn. The query is the conversation's
 * context ({@link ConversationContext}: the current turn, earlier turns with decaying weight, reset
 * on a change of topic); three sources answer it: knowledge-base passages, macros filled from the
 * customer's profile and the conversation, and replies agents sent before (Smart Reply). Each
 * candidate gets a calibrated confidence ({@link Calibration}); duplicates are dropped; below
 * {@link Calibration#ABSTAIN_BELOW} nothing is offered and the agent is told so. Runs off the FX thread.
 */
public final class AssistService {

    public static final int MAX_REPLIES = 3;
    public static final int MAX_ARTICLES = 5;
    public static final String ABSTAIN_NOTICE = "No confident suggestion: search the knowledge base or escalate.";
    /** Two suggestions whose texts are this close (cosine, or word overlap without vectors) say the same thing. */
    static final double SAME_TEXT_COSINE = 0.92;
    static final double SAME_TEXT_WORDS = 0.8;

    private final KnowledgeBase knowledgeBase;
    private final SuggestionLog log;
    private final MacroLibrary macros;
    private final PastReplies pastReplies;
    private final Profiles profiles;
    private final ConversationSlots slots;
    private final Vectors vectors = new Vectors(4096);
    private volatile SuggestionRanker ranker = SuggestionRanker.BY_CONFIDENCE;

    public AssistService(KnowledgeBase knowledgeBase, SuggestionLog log) {
        this(knowledgeBase, log, null, PastReplies.none(), Profiles.none(), new SimpleSlots());
    }

    /** {@code macros} may be null: no macros. */
    public AssistService(KnowledgeBase knowledgeBase, SuggestionLog log, MacroLibrary macros, PastReplies pastReplies,
                         Profiles profiles, ConversationSlots slots) {
        this.knowledgeBase = knowledgeBase;
        this.log = log;
        this.macros = macros;
        this.pastReplies = pastReplies;
        this.profiles = profiles;
        this.slots = slots;
    }

    /** Replaces the ranking of candidates (a re-ranker promoted after training on feedback). */
    public void useRanker(SuggestionRanker ranker) {
        this.ranker = ranker;
    }

    public SuggestionRanker ranker() {
        return ranker;
    }

    /** Suggestions for the conversation as it stands in {@code turns}; logs what will be shown. */
    public Suggestions suggest(long conversationId, List<Message> turns, String agent) {
        Optional<Message> latest = lastCustomerTurn(turns);
        if (latest.isEmpty()) {
            return Suggestions.none(conversationId, 0, "Waiting for the customer.");
        }
        int seq = latest.get().seq();
        Ranked ranked = rank(conversationId, turns, agent);
        List<Suggestion> shown = ranked.replies();
        List<Suggestion> logged = shown.isEmpty() ? shown : log.recordShown(conversationId, seq, shown, agent);
        Optional<String> notice = Optional.empty();
        if (logged.isEmpty()) {
            notice = Optional.of(ranked.articles().isEmpty() && ranked.candidates() == 0
                    ? "No matching article: search the knowledge base or escalate." : ABSTAIN_NOTICE);
        }
        return new Suggestions(conversationId, seq, logged, ranked.articles(), notice);
    }

    /** The ranked replies before logging, with every candidate considered (for evaluation). */
    public record Ranked(List<Suggestion> replies, List<Candidate> all, List<ArticleHit> articles, int candidates,
                         ConversationContext context) {}

    /** Computes candidates and ranks them; nothing is logged. */
    public Ranked rank(long conversationId, List<Message> turns, String agent) {
        String current = ConversationContext.currentTurn(turns);
        String language = knowledgeBase.languageOf(current);
        Optional<TextEncoder> encoder = knowledgeBase.hasVectors(language)
                ? knowledgeBase.encoders().forLanguage(language) : Optional.empty();
        ConversationContext context = ConversationContext.of(turns, language, encoder, vectors);

        List<ArticleHit> hits = context.vector().isPresent()
                ? knowledgeBase.search(context.keywords(), new QueryVector(language, context.vector().get()),
                        SearchFilter.publishedOnly(), MAX_ARTICLES)
                : knowledgeBase.search(context.keywords(), SearchFilter.publishedOnly(), MAX_ARTICLES);

        List<Candidate> candidates = new ArrayList<>();
        int bm25Rank = 0;
        for (ArticleHit hit : hits) {
            bm25Rank++;
            if (!hit.language().equals(language)) {
                continue;
            }
            candidates.add(new Candidate(ReplyPhrasing.reply(hit.passage(), language), confidence(hit),
                    hit.hasSimilarity() ? hit.similarity() : hit.score(), bm25Rank, SuggestionSource.ARTICLE,
                    hit.articleId(), OptionalInt.of(hit.version()), hit.articleId() + "#" + hit.passageIndex(), why(hit)));
        }
        if (macros != null) {
            Map<String, String> values = SlotValues.of(profiles.customerOf(conversationId), slots.slots(turns),
                    profiles.agentName(agent));
            for (MacroLibrary.Match m : macros.match(context, encoder, vectors, MAX_REPLIES)) {
                Placeholders.Filled filled = Placeholders.fill(m.macro().body(), values);
                String why = "Macro \"" + m.macro().title() + "\", like: \"" + m.matched() + "\""
                        + (filled.complete() ? "" : "; fill in " + String.join(", ",
                        filled.missing().stream().map(Placeholders::gap).toList()) + " before sending");
                candidates.add(new Candidate(filled.text(), m.confidence(), m.score(), 0, SuggestionSource.MACRO,
                        "macro:" + m.macro().id(), OptionalInt.empty(), "macro:" + m.macro().id(), why));
            }
        }
        if (context.vector().isPresent()) {
            for (PastReplies.Match p : pastReplies.match(language, encoder.get().modelId(), context.vector().get(), MAX_REPLIES)) {
                candidates.add(new Candidate(p.text(), Calibration.HISTORY_VECTOR.apply(p.similarity()), p.similarity(), 0,
                        SuggestionSource.HISTORY, "reply:" + p.entryId(), OptionalInt.empty(), "reply:" + p.entryId(),
                        "Sent " + p.timesSent() + "× before to customers asking the same (similarity "
                                + String.format(java.util.Locale.ROOT, "%.2f", p.similarity()) + ")"));
            }
        }
        List<Candidate> ordered = ranker.order(candidates);
        List<Candidate> kept = distinct(ordered, encoder);
        List<Suggestion> replies = new ArrayList<>();
        for (Candidate c : kept) {
            if (replies.size() == MAX_REPLIES || c.confidence() < Calibration.ABSTAIN_BELOW) {
                break;
            }
            replies.add(new Suggestion(0, replies.size() + 1, c.text(), c.confidence(), c.source(), c.sourceRef(),
                    c.sourceVersion(), c.why()));
        }
        return new Ranked(replies, ordered, hits, candidates.size(), context);
    }

    /** A possible reply before ranking: what it says, how sure we are, where it came from. */
    public record Candidate(String text, double confidence, double rawScore, int searchRank, SuggestionSource source,
                            String sourceRef, OptionalInt sourceVersion, String sameAs, String why) {}

    /** Drops candidates that say what a better one already says: same passage, or nearly the same text. */
    private List<Candidate> distinct(List<Candidate> ordered, Optional<TextEncoder> encoder) {
        List<Candidate> kept = new ArrayList<>();
        List<float[]> keptVectors = new ArrayList<>();
        List<Set<String>> keptWords = new ArrayList<>();
        for (Candidate c : ordered) {
            if (kept.size() == MAX_REPLIES || c.confidence() < Calibration.ABSTAIN_BELOW) {
                break;
            }
            if (kept.stream().anyMatch(k -> k.sameAs().equals(c.sameAs()))) {
                continue;
            }
            float[] v = encoder.map(e -> vectors.passage(e, c.text())).orElse(null);
            Set<String> words = Keywords.of(c.text());
            boolean duplicate = false;
            for (int i = 0; i < kept.size() && !duplicate; i++) {
                duplicate = v != null ? Vectors.cosine(v, keptVectors.get(i)) >= SAME_TEXT_COSINE
                        : Keywords.jaccard(words, keptWords.get(i)) >= SAME_TEXT_WORDS;
            }
            if (!duplicate) {
                kept.add(c);
                keptVectors.add(v);
                keptWords.add(words);
            }
        }
        return kept;
    }

    /** Calibrated 0..1 for an article hit: by cosine when vectors were used, else by BM25 score. */
    static double confidence(ArticleHit hit) {
        if (hit.hasSimilarity()) {
            return Calibration.ARTICLE_VECTOR.apply(hit.similarity());
        }
        return Calibration.ARTICLE_KEYWORDS.apply(Math.log1p(Math.max(0, hit.score())));
    }

    private static String why(ArticleHit hit) {
        String from = "From \"" + hit.title() + "\" (v" + hit.version() + ")";
        if (hit.matchedQuestion().isPresent()) {
            return from + ": a customer asked this before: \"" + hit.matchedQuestion().get() + "\"";
        }
        List<String> words = hit.snippet().matchedWords().stream().distinct().limit(5).toList();
        return words.isEmpty() ? from : from + ", matching: " + String.join(", ", words);
    }

    private static Optional<Message> lastCustomerTurn(List<Message> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (turns.get(i).fromCustomer()) {
                return Optional.of(turns.get(i));
            }
        }
        return Optional.empty();
    }

    /** What the customer asked that the agent has not answered yet: their turns since the agent last spoke. */
    static String customerQuestion(List<Message> turns) {
        return ConversationContext.currentTurn(turns);
    }
}
