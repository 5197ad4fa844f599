package app.tandem.assist;

import app.tandem.conversation.Author;
import app.tandem.conversation.Message;
import app.tandem.kb.ArticleHit;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.QueryVector;
import app.tandem.kb.SearchFilter;
import app.tandem.nlp.TextEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

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
    /** Two suggestions whose answers share this much of their words (Jaccard) say the same thing. */
    static final double SAME_TEXT_WORDS = 0.6;
    /** How many customer turns back a vague turn looks for the question it follows up. */
    private static final int OPEN_QUESTION_LOOK_BACK = 2;
    /** How many of the latest suggestions with an action the re-ranker learns from. */
    private static final int RANKER_FEEDBACK = 50_000;

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

    /** The Smart Reply allowlist, for supervisors to curate; empty when this service has none. */
    public Optional<SmartReplies> allowlist() {
        return pastReplies instanceof SmartReplies smart ? Optional.of(smart) : Optional.empty();
    }

    /** The macro library, for supervisors to curate; empty when this service has no macros. */
    public Optional<MacroLibrary> macros() {
        return Optional.ofNullable(macros);
    }

    /**
     * False when the suggestion came from a Smart Reply entry a supervisor has since blocked or deleted
     * (or that curation no longer offers): the agent must not send it as Tandem's suggestion any more.
     */
    public boolean stillOffered(Suggestion suggestion) {
        if (suggestion.source() != SuggestionSource.HISTORY || !suggestion.sourceRef().startsWith("reply:")) {
            return true;
        }
        long entryId;
        try {
            entryId = Long.parseLong(suggestion.sourceRef().substring("reply:".length()));
        } catch (NumberFormatException e) {
            return true;
        }
        return allowlist().map(smart -> smart.offers(entryId)).orElse(true);
    }

    /** Replaces the ranking of candidates (a re-ranker promoted after training on feedback). */
    public void useRanker(SuggestionRanker ranker) {
        this.ranker = ranker;
    }

    public SuggestionRanker ranker() {
        return ranker;
    }

    /**
     * Retrains the re-ranker on the feedback logged so far and promotes it when it beats the current
     * order on held-out feedback. Runs in the background (the composition root schedules it).
     */
    public FeedbackRanker.Report retrainRanker() {
        FeedbackRanker.Report report = FeedbackRanker.train(log.withActions(RANKER_FEEDBACK));
        if (report.promote()) {
            useRanker(report.ranker());
        }
        return report;
    }

    /** Puts a previously promoted re-ranker back in use (at start), with statistics from the log; true when there was one. */
    public boolean restoreRanker(SavedRanker saved) {
        Optional<FeedbackRanker> ranker = saved.load(log.withActions(RANKER_FEEDBACK));
        ranker.ifPresent(this::useRanker);
        return ranker.isPresent();
    }

    /** Suggestions for the conversation as it stands in {@code turns}; logs what will be shown. */
    public Suggestions suggest(long conversationId, List<Message> turns, String agent) {
        Optional<Message> latest = lastCustomerTurn(turns);
        if (latest.isEmpty()) {
            return Suggestions.none(conversationId, 0, SuggestionNotice.WAITING);
        }
        int seq = latest.get().seq();
        Ranked ranked = rank(conversationId, turns, agent);
        List<Suggestion> shown = ranked.replies();
        List<Suggestion> logged = shown.isEmpty() ? shown
                : log.recordShownWithSignals(conversationId, seq, withSignals(shown, ranked.all()), agent);
        Optional<SuggestionNotice> notice = Optional.empty();
        if (logged.isEmpty()) {
            if (knowledgeBase.count() == 0) {
                notice = Optional.of(SuggestionNotice.EMPTY_KB);
            } else {
                notice = Optional.of(ranked.articles().isEmpty() && ranked.candidates() == 0
                        ? SuggestionNotice.NO_MATCH : SuggestionNotice.ABSTAIN);
            }
        }
        return new Suggestions(conversationId, seq, logged, ranked.articles(), notice);
    }

    /** Each reply with the raw score and search rank of the candidate it was made from, for the re-ranker to learn from. */
    private static List<SuggestionLog.Shown> withSignals(List<Suggestion> replies, List<Candidate> candidates) {
        List<SuggestionLog.Shown> shown = new ArrayList<>(replies.size());
        for (Suggestion s : replies) {
            Optional<Candidate> from = candidates.stream()
                    .filter(c -> c.sourceRef().equals(s.sourceRef()) && c.text().equals(s.text())).findFirst();
            shown.add(new SuggestionLog.Shown(s, from.map(Candidate::rawScore).orElse(Double.NaN),
                    from.map(Candidate::searchRank).orElse(-1)));
        }
        return shown;
    }

    /** The ranked replies before logging, with every candidate considered (for evaluation). */
    public record Ranked(List<Suggestion> replies, List<Candidate> all, List<ArticleHit> articles, int candidates,
                         ConversationContext context) {}

    /**
     * Computes candidates and ranks them; nothing is logged. The current turn is searched on its own first;
     * when that has no answer and earlier turns went into the context, the context is searched too and every
     * candidate keeps the better of its two confidences: earlier turns help a turn that says little by itself,
     * but pull a question that stands on its own back to the earlier subject (README, simulated Banking77
     * conversations). When nothing answers the turn either way, it is read as a follow-up of the question still open
     * ({@link #openQuestion}); if there is none, the turn's own articles are shown with the abstain notice.
     */
    public Ranked rank(long conversationId, List<Message> turns, String agent) {
        String current = ConversationContext.currentTurn(turns);
        String language = knowledgeBase.languageOf(current);
        Optional<TextEncoder> encoder = knowledgeBase.hasVectors(language)
                ? knowledgeBase.encoders().forLanguage(language) : Optional.empty();
        ConversationContext context = ConversationContext.of(turns, language, encoder, vectors);
        List<Found> readings = new ArrayList<>();
        if (context.turnsUsed() > 1) {
            // A turn with an answer of its own is answered on its own: merged with the context's, a wrong candidate
            // the earlier turns lifted could outrank it (a change of subject the topic bar missed). Earlier turns
            // come in for a turn that has no answer by itself.
            ConversationContext alone = ConversationContext.currentTurnOnly(turns, language, encoder, vectors);
            readings.add(find(conversationId, turns, agent, language, encoder, alone));
            if (readings.get(0).candidates().stream().noneMatch(Candidate::answers)) {
                readings.add(0, find(conversationId, turns, agent, language, encoder, context));
            }
        } else {
            readings.add(find(conversationId, turns, agent, language, encoder, context));
        }
        Set<String> sent = sentByTheAgent(turns);
        Ranked ranked = order(readings, agent, sent, BY_RANK);
        if (ranked.all().stream().noneMatch(Candidate::answers)) {
            // A turn that says nothing by itself ("can you explain that a bit more?", "OK, and then?") is about
            // the question still open: its answers are offered again with what the turn found itself. Mixed into
            // the query, the vague turn diluted it below every bar (README). Sentence vectors put 好，然后呢？ close
            // to the closing's 好的，谢谢: a turn that asks gets the answers first, one that does not its small talk.
            Optional<Found> open = openQuestion(conversationId, turns, agent, language, encoder);
            if (open.isPresent()) {
                readings.add(0, open.get().asFollowUp());
                boolean asks = Asking.asks(current);
                return order(readings, agent, sent, Comparator.comparing((Candidate c) -> c.smallTalk() == asks));
            }
        }
        return ranked;
    }

    /**
     * What the question still open found, searched on its own: the customer's turn before the current one, or
     * the one before that when that turn was itself vague, provided it has an answer (a confident suggestion
     * that is not small talk). After "Hi there" a turn that finds nothing is not a follow-up: the greeting
     * finds only the greeting macro.
     */
    private Optional<Found> openQuestion(long conversationId, List<Message> turns, String agent, String language,
            Optional<TextEncoder> encoder) {
        List<Message> upTo = turns;
        for (int back = 0; back < OPEN_QUESTION_LOOK_BACK; back++) {
            upTo = ConversationContext.upToPreviousCustomerTurn(upTo);
            String previous = ConversationContext.currentTurn(upTo);
            if (previous.isBlank() || !knowledgeBase.languageOf(previous).equals(language)) {
                return Optional.empty();
            }
            ConversationContext alone = ConversationContext.currentTurnOnly(upTo, language, encoder, vectors);
            Found found = find(conversationId, upTo, agent, language, encoder, alone);
            if (found.candidates().stream().anyMatch(Candidate::answers)) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** What one query found: the article hits and every candidate reply made from them and the other sources. */
    private record Found(ConversationContext context, List<ArticleHit> hits, List<Candidate> candidates) {

        /** The same answers, offered for a vague turn that follows this question up. */
        Found asFollowUp() {
            return new Found(ConversationContext.followUpOf(context), hits, candidates);
        }

        /** The most confident answer's confidence: small talk answers nothing. */
        double best() {
            return candidates.stream().filter(c -> !c.smallTalk()).mapToDouble(Candidate::confidence).max().orElse(0);
        }
    }

    private Found find(long conversationId, List<Message> turns, String agent, String language,
            Optional<TextEncoder> encoder, ConversationContext context) {
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
            candidates.add(new Candidate(ReplyPhrasing.reply(hit.passage(), language), confidence(hit, encoder),
                    hit.hasSimilarity() ? hit.similarity() : hit.score(), bm25Rank, SuggestionSource.ARTICLE,
                    hit.articleId(), OptionalInt.of(hit.version()), hit.articleId() + "#" + hit.passageIndex(), why(hit), hit.passage(),
                    provenance(hit), false));
        }
        if (macros != null) {
            Map<String, String> values = SlotValues.of(profiles.customerOf(conversationId), slots.slots(turns),
                    profiles.agentName(agent));
            boolean agentHasReplied = turns.stream().anyMatch(t -> t.author() == Author.AGENT);
            for (MacroLibrary.Match m : macros.match(context, encoder, vectors, MAX_REPLIES, agentHasReplied)) {
                Placeholders.Filled filled = Placeholders.fill(m.macro().body(), values);
                String why = "Macro \"" + m.macro().title() + "\", like: \"" + m.matched() + "\""
                        + (filled.complete() ? "" : "; fill in " + String.join(", ",
                        filled.missing().stream().map(Placeholders::gap).toList()) + " before sending");
                candidates.add(new Candidate(filled.text(), m.confidence(), m.score(), 0, SuggestionSource.MACRO,
                        "macro:" + m.macro().id(), OptionalInt.empty(), "macro:" + m.macro().id(), why, filled.text(),
                        Provenance.macro(m.macro().title(), m.matched(), filled.missing().stream().map(Placeholders::gap).toList(), why),
                        m.macro().smallTalk()));
            }
        }
        if (context.vector().isPresent()) {
            Calibration.Curve history = Calibration.forEncoder(encoder.get().modelId()).history();
            for (PastReplies.Match p : pastReplies.match(language, encoder.get().modelId(), context.vector().get(), MAX_REPLIES)) {
                String why = "Sent " + p.timesSent() + "× before to customers asking the same (similarity "
                        + String.format(java.util.Locale.ROOT, "%.2f", p.similarity()) + ")";
                candidates.add(new Candidate(p.text(), history.apply(p.similarity()), p.similarity(), 0, SuggestionSource.HISTORY, "reply:" + p.entryId(), OptionalInt.empty(), "reply:" + p.entryId(),
                        why, p.text(), Provenance.pastReply(p.timesSent(), p.similarity(), why), false));
            }
        }
        // Articles shown: the customer's language first (the agent answers in it; keyword search alone put a
        // Chinese article first for an English follow-up), then the rest in search order, for a KB that lacks a
        // translation. Candidates keep their search rank as found: the re-ranker's feature is unchanged.
        List<ArticleHit> shown = hits.stream().sorted(Comparator.comparing((ArticleHit h) -> !h.language().equals(language))).toList();
        return new Found(context, shown, candidates);
    }

    /** Keeps the ranker's order. */
    private static final Comparator<Candidate> BY_RANK = (a, b) -> 0;

    /** What the agent already sent in this conversation: suggesting it again would only take a place. */
    private static Set<String> sentByTheAgent(List<Message> turns) {
        return turns.stream().filter(t -> t.author() == Author.AGENT).map(Message::text).collect(Collectors.toSet());
    }

    /**
     * Ranks the candidates of all queries together (the same reply found twice keeps its higher confidence),
     * leaving out what the agent already sent; {@code first} then groups them, keeping the ranker's order within
     * each group. The articles and context shown are those of the query that found the most confident answer
     * (the first on a tie).
     */
    private Ranked order(List<Found> found, String agent, Set<String> sent, Comparator<Candidate> first) {
        Found lead = found.get(0);
        Map<String, Candidate> bySource = new LinkedHashMap<>();
        for (Found f : found) {
            if (f.best() > lead.best()) {
                lead = f;
            }
            for (Candidate c : f.candidates()) {
                bySource.merge(c.sameAs() + "\u0000" + c.text(), c, (a, b) -> b.confidence() > a.confidence() ? b : a);
            }
        }
        List<Candidate> candidates = new ArrayList<>(bySource.values());
        candidates.removeIf(c -> sent.contains(c.text()));
        SuggestionRanker inUse = ranker;
        List<Candidate> ordered = new ArrayList<>((inUse instanceof FeedbackRanker learned ? learned.forAgent(agent) : inUse)
                .order(candidates));
        ordered.sort(first); // stable: the ranker's order within each group
        List<Candidate> kept = distinct(ordered);
        List<Suggestion> replies = new ArrayList<>();
        for (Candidate c : kept) {
            if (replies.size() == MAX_REPLIES) {
                break;
            }
            replies.add(new Suggestion(0, replies.size() + 1, c.text(), c.confidence(), c.source(), c.sourceRef(),
                    c.sourceVersion(), c.why(), c.provenance()));
        }
        return new Ranked(replies, ordered, lead.hits(), candidates.size(), lead.context());
    }

    /** A possible reply before ranking: what it says, how sure we are, where it came from. */
    public record Candidate(String text, double confidence, double rawScore, int searchRank, SuggestionSource source,
                            String sourceRef, OptionalInt sourceVersion, String sameAs, String why, String core,
                            Provenance provenance, boolean smallTalk) {

        public Candidate(String text, double confidence, double rawScore, int searchRank, SuggestionSource source,
                         String sourceRef, OptionalInt sourceVersion, String sameAs, String why, String core) {
            this(text, confidence, rawScore, searchRank, source, sourceRef, sourceVersion, sameAs, why, core, Provenance.text(why), false);
        }

        /** A confident reply that answers the customer's question: not small talk (a greeting or a closing). */
        boolean answers() {
            return !smallTalk && confidence >= Calibration.ABSTAIN_BELOW;
        }
    }

    /**
     * Drops candidates that say what a better one already says: the same passage, macro or past reply,
     * or nearly the same words (of the answer itself, without the reply's opener and closer). Word
     * overlap rather than cosine of the texts: encoding every candidate cost more than the rest of a
     * suggestion on two cores (see docs/replies.md).
     */
    private static List<Candidate> distinct(List<Candidate> ordered) {
        List<Candidate> kept = new ArrayList<>();
        List<Set<String>> keptWords = new ArrayList<>();
        for (Candidate c : ordered) {
            if (kept.size() == MAX_REPLIES) {
                break;
            }
            if (c.confidence() < Calibration.ABSTAIN_BELOW) {
                continue; // a re-ranker may order by more than confidence: skip, do not stop
            }
            if (kept.stream().anyMatch(k -> k.sameAs().equals(c.sameAs()))) {
                continue;
            }
            Set<String> words = Keywords.of(c.core());
            if (keptWords.stream().noneMatch(k -> Keywords.jaccard(words, k) >= SAME_TEXT_WORDS)) {
                kept.add(c);
                keptWords.add(words);
            }
        }
        return kept;
    }

    /**
     * Calibrated 0..1 for an article hit: by cosine on the curve of the encoder that gave it when vectors
     * were used, else by BM25 score.
     */
    static double confidence(ArticleHit hit, Optional<TextEncoder> encoder) {
        if (hit.hasSimilarity() && encoder.isPresent()) {
            return Calibration.forEncoder(encoder.get().modelId()).article().apply(hit.similarity());
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

    private static Provenance provenance(ArticleHit hit) {
        return Provenance.article(hit.title(), hit.version(), hit.matchedQuestion(),
                hit.matchedQuestion().isPresent() ? List.of() : hit.snippet().matchedWords().stream().distinct().limit(5).toList(),
                why(hit));
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
