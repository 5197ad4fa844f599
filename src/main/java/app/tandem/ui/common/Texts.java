package app.tandem.ui.common;

import app.tandem.assist.Placeholders;
import app.tandem.assist.escalation.Escalation;
import app.tandem.assist.escalation.EscalationDetail;
import app.tandem.kb.ArticleFormatException;
import app.tandem.kb.ArticleProblem;
import app.tandem.kb.StartWarning;
import app.tandem.kb.transfer.ImportProblem;
import app.tandem.nlp.EncoderStatus;
import app.tandem.nlp.EngineStatus;
import app.tandem.nlp.ModelStatus;
import app.tandem.security.InvalidAccountException;
import java.text.Collator;
import java.text.MessageFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The UI's words in one language, from {@code app/tandem/ui/messages*.properties} (UTF-8), and the
 * display names of intents from {@code app/tandem/ui/intents*.properties} (keyed by intent id). Domain
 * code hands the UI ids, enums and records; this is where they become words.
 */
public final class Texts {

    private static final String BUNDLE = "app.tandem.ui.messages";
    private static final String INTENTS = "app.tandem.ui.intents";

    private final ResourceBundle bundle;
    private final ResourceBundle intents;
    private final Locale locale;

    private Texts(ResourceBundle bundle, ResourceBundle intents, Locale locale) {
        this.bundle = bundle;
        this.intents = intents;
        this.locale = locale;
    }

    /**
     * The bundle for {@code locale}. No fallback to the system locale: someone who picks English on a
     * Chinese system gets English.
     */
    public static Texts of(Locale locale) {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        return new Texts(ResourceBundle.getBundle(BUNDLE, locale, noFallback), ResourceBundle.getBundle(INTENTS, locale, noFallback),
                locale);
    }

    public Locale locale() {
        return locale;
    }

    /** Why a newly trained intent model was or was not promoted. */
    public String promotion(app.tandem.nlp.intent.Promotion p) {
        return format("training.decision." + p.kind().name(), p.comparedWith(), accuracy(p.accuracy()), accuracy(p.currentAccuracy()));
    }

    private static String accuracy(double a) {
        return a < 0 ? "-" : String.format(java.util.Locale.ROOT, "%.4f", a);
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    /**
     * What an intent id ({@code lost_or_stolen_card}, a trained model's class name) is called in this
     * language; an id the bundle does not know is shown as itself made readable ("card_freeze" → "Card freeze").
     */
    public String intentName(String id) {
        if (id == null || id.isBlank()) {
            return get("chip.intent.none");
        }
        String key = id.strip();
        return intents.containsKey(key) ? intents.getString(key) : readable(key);
    }

    /** The intents with a display name, sorted by that name in this language (for the correction list). */
    public List<String> knownIntents() {
        Collator collator = Collator.getInstance(locale);
        return intents.keySet().stream().sorted(Comparator.comparing(this::intentName, collator)).toList();
    }

    /**
     * The marked gap for a macro variable without a value, in this language ("⟨卡号后四位⟩"). Any
     * ⟨…⟩ counts as a gap to fill in before sending, whatever its words.
     */
    public String gapLabel(String variable) {
        String key = "macros.gap." + variable;
        String label = get(key);
        return label.equals(key) ? Placeholders.gap(variable) : Placeholders.OPEN + label + Placeholders.CLOSE;
    }

    /** {@code text} (a macro filled in by the assist service) with its gaps named in this language. */
    public String localGaps(String text) {
        if (text == null || !text.contains(Placeholders.OPEN)) {
            return text;
        }
        String out = text;
        for (String variable : Placeholders.known()) {
            out = out.replace(Placeholders.gap(variable), gapLabel(variable));
        }
        return out;
    }

    /** The status bar's line on the language models; model ids, devices and technical reasons stay as they are. */
    public String engineStatus(EngineStatus s) {
        String line = switch (s.state()) {
            case LOADING -> get("engine.loading");
            case KEYWORDS_ONLY -> s.why() == EngineStatus.KeywordsOnly.NOT_LOADED ? get("engine.keywordsOnly.NOT_LOADED")
                    : format("engine.keywordsOnly.COULD_NOT_START", s.failure());
            case READY -> {
                EncoderStatus e = s.encoders().orElseThrow();
                String models = e.routing().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(r -> format(e.available(r.getKey()) ? "engine.model" : "engine.modelUnavailable", r.getKey().code(), r.getValue()))
                        .collect(Collectors.joining(get("engine.separator")));
                String ready = format("engine.ready", e.device(), models);
                yield e.unavailable().map(m -> format("engine.problem", ready, modelProblem(m))).orElse(ready);
            }
        };
        return s.indexing() ? format("engine.indexing", s.indexingPercent(), line) : line;
    }

    /** Why a model is unavailable, in this language, with the technical detail (a file, an exception) as it came. */
    String modelProblem(ModelStatus m) {
        return format("engine.cause." + m.cause().name(), m.modelId(), m.detail());
    }

    /**
     * A failure in words for the person: a refusal the domain hands over as data (an invalid account,
     * a refused message, an article saved meanwhile, ...) in this language, anything else as its
     * message said.
     */
    public String failure(Throwable e) {
        return refusal(e).orElseGet(() -> e == null || e.getMessage() == null ? get("error.unknown") : e.getMessage());
    }

    /**
     * The same, for a place that has no heading of its own: a domain refusal is a sentence that stands
     * alone; a technical message (a database's, a file system's) is put in {@code contextKey}'s sentence
     * ("登录失败：{0}") so the person knows what did not work.
     */
    public String failure(String contextKey, Throwable e) {
        return refusal(e).orElseGet(() -> format(contextKey, e == null || e.getMessage() == null ? get("error.unknown") : e.getMessage()));
    }

    private Optional<String> refusal(Throwable e) {
        if (e instanceof InvalidAccountException invalid) {
            return Optional.of(format("account." + invalid.problem().name(), invalid.detail()));
        }
        if (e instanceof ArticleFormatException refused) {
            return Optional.of(articleProblem(refused.problem()));
        }
        return FailureTexts.refusal(this, e);
    }

    /**
     * Why an article file or an import is refused, in this language; ids, sizes and a library's own
     * message (a zip or CSV parser's) stay as they came.
     */
    public String articleProblem(ArticleProblem p) {
        return format("kb.problem." + p.kind().name(), p.args().toArray());
    }

    /** A file (a CSV row, a JSON article) an import cannot read, and why: "faq.csv 第 2 行：缺少标题（问题）". */
    public String importProblem(ImportProblem p) {
        String where = p.part() == ImportProblem.Part.FILE ? p.file()
                : format("kb.importPart." + p.part().name(), p.file(), String.valueOf(p.number()));
        return format("kb.importProblem", where, articleProblem(p.problem()));
    }

    /** What start-up wants the person to know: "跳过了 kb/zh/x.md：文件开头缺少 front matter…". */
    public String startWarning(StartWarning w) {
        return switch (w.kind()) {
            case SKIPPED_FILE -> format("start.warning.SKIPPED_FILE", w.file(), w.problem().map(this::articleProblem).orElse(""));
            case INDEX_REBUILT -> get("start.warning.INDEX_REBUILT");
            case ARTICLE_NOT_INDEXED -> format("start.warning.ARTICLE_NOT_INDEXED", w.file());
        };
    }

    /** An escalation's reason and what triggered it: "Urgent (Lost or stolen card, according to the keyword rules)". */
    public String escalation(Escalation e) {
        return format("escalation.item", get("escalation." + e.reason().name()), escalationDetail(e.detail()));
    }

    /** What triggered an escalation, in this language; the customer's own words stay as they were said. */
    public String escalationDetail(EscalationDetail d) {
        return switch (d.kind()) {
            case ASKED, SAID, URGENT_CUES, NO_CONFIDENT_SUGGESTION -> format("escalation.detail." + d.kind().name(), d.arg(0));
            case NEGATIVE_TURNS -> format("escalation.detail.NEGATIVE_TURNS", get("sentiment." + d.arg(0)), get("sentiment." + d.arg(1)));
            case URGENT_INTENT -> format("escalation.detail.URGENT_INTENT", intentName(d.arg(0)),
                    format("chip.intent.origin." + d.arg(1), d.arg(2), percent(d.arg(3))));
            case TEXT -> d.arg(0);
        };
    }

    private static Object percent(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return digits;
        }
    }

    static String readable(String id) {
        String words = id.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
        if (words.isEmpty()) {
            return id;
        }
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
