package app.tandem.nlp.sentiment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deliberate words and marks that say a turn is urgent, angry or unhappy, in English and Chinese.
 * Each cue adds a weight to its label's score (see {@link SentimentClassifier} for how the weights
 * meet the model). Urgency cues are strongest because missing a stolen card costs most.
 */
public final class LexicalCues {

    /** Weights: one strong cue decides a turn on its own when the model is absent. */
    static final double STRONG = 0.6;
    static final double MEDIUM = 0.4;
    static final double WEAK = 0.25;

    public record Match(Map<Sentiment, Double> scores, List<String> cues) {
        public double score(Sentiment s) {
            return scores.getOrDefault(s, 0.0);
        }

        public boolean any() {
            return !cues.isEmpty();
        }
    }

    private record Cue(Pattern pattern, Sentiment label, double weight) {}

    private static final List<Cue> CUES = new ArrayList<>();

    static {
        en(Sentiment.URGENT, STRONG, "fraud\\w*", "stolen", "scam(?:med|mer)?", "hack(?:ed)?", "compromised", "unauthori[sz]ed",
                "immediately", "urgent(?:ly)?", "asap", "right now", "right away", "straight away", "emergency",
                "lost my (?:card|wallet|purse|phone|handbag)", "(?:block|freeze|cancel) (?:my|the|all my|it)\\w*",
                "didn'?t make", "wasn'?t me", "weren'?t me", "identity theft", "pickpocketed", "robbed", "cloned",
                "skimmed", "suspicious", "before it'?s too late", "someone (?:is|has|took|used|opened|changed)");
        en(Sentiment.URGENT, WEAK, "now", "today", "quick(?:ly)?", "help!?", "within the hour", "in an hour");
        en(Sentiment.ANGRY, STRONG, "furious", "livid", "fuming", "ridiculous", "unacceptable", "disgrace(?:ful)?",
                "outrageous", "useless", "incompetent", "pathetic", "a joke", "worst", "appalling", "disgust(?:ed|ing)",
                "angry", "rage|raging", "infuriat\\w+", "shambles", "rubbish", "ombudsman", "sue", "how dare",
                "sick and tired", "had enough", "last straw", "shame on you", "robb(?:ing|ery)", "shocking", "awful",
                "unbelievable", "terrible", "stupid");
        en(Sentiment.ANGRY, MEDIUM, "complaint", "demand", "enough", "never again", "closing (?:all )?my accounts?");
        en(Sentiment.NEGATIVE, MEDIUM, "disappoint\\w*", "unhappy", "not happy", "frustrat\\w+", "annoy\\w*",
                "still (?:hasn'?t|haven'?t|no|not|isn'?t)", "worried", "poor", "not (?:good|great|impressed|satisfied)",
                "upset", "unfair", "confus\\w+", "fed up", "letdown|let down", "inconvenient", "doesn'?t work",
                "didn'?t work", "not working", "waiting", "ages", "again", "nobody", "no one", "tired of", "shame",
                "sadly", "unfortunately", "declined", "ignored", "stress\\w*", "worse", "losing patience");
        zh(Sentiment.URGENT, STRONG, "盗刷", "被盗", "被偷", "偷了", "诈骗", "骗子", "被骗", "冻结", "挂失", "马上", "立即", "立刻",
                "紧急", "急需", "尽快", "赶快", "救命", "不是我", "冒充", "被抢", "被扒", "可疑", "止付", "盗用", "被复制");
        zh(Sentiment.URGENT, WEAK, "急", "现在", "今天必须", "一个小时");
        zh(Sentiment.ANGRY, STRONG, "气死", "愤怒", "生气", "太过分", "过分", "离谱", "垃圾", "无能", "受够", "忍无可忍", "恶心",
                "火大", "气疯", "可笑", "笑话", "最差", "羞耻", "骗人", "抢钱", "曝光", "起诉", "银保监", "破服务", "荒唐", "反感");
        zh(Sentiment.ANGRY, MEDIUM, "投诉", "赔偿", "凭什么", "到底", "搞什么", "够了");
        zh(Sentiment.NEGATIVE, MEDIUM, "失望", "不满意", "不满", "烦", "还没", "一直", "担心", "郁闷", "不合理", "麻烦", "太慢",
                "没用", "不方便", "差", "倒霉", "困惑", "焦虑", "心累", "受不了", "不开心", "不高兴", "没人", "又", "被拒",
                "看不懂", "忽视", "尴尬", "闪退", "没有进展");
    }

    private static final Pattern EXCLAMATIONS = Pattern.compile("[!！]{2,}|[?？][!！]|[!！][?？]|[?？]{3,}");
    private static final Pattern SHOUTED = Pattern.compile("\\b[A-Z]{3,}\\b");

    private static void en(Sentiment label, double weight, String... words) {
        for (String w : words) {
            CUES.add(new Cue(Pattern.compile("(?i)(?<![\\p{L}'])(?:" + w + ")(?![\\p{L}])"), label, weight));
        }
    }

    private static void zh(Sentiment label, double weight, String... words) {
        for (String w : words) {
            CUES.add(new Cue(Pattern.compile(Pattern.quote(w)), label, weight));
        }
    }

    public Match match(String text) {
        Map<Sentiment, Double> scores = new EnumMap<>(Sentiment.class);
        List<String> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new Match(scores, found);
        }
        for (Cue cue : CUES) {
            Matcher m = cue.pattern().matcher(text);
            if (m.find()) {
                scores.merge(cue.label(), cue.weight(), Double::sum);
                found.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        Matcher bang = EXCLAMATIONS.matcher(text);
        if (bang.find()) {
            scores.merge(Sentiment.ANGRY, WEAK, Double::sum);
            found.add(bang.group());
        }
        Matcher caps = SHOUTED.matcher(text);
        int shouted = 0;
        while (caps.find()) {
            if (!caps.group().matches("ASAP|ATM|PIN|IBAN|GBP|EUR|USD|CNY|RMB|APP|SMS|UK|US|ID|TX|PDF|OK")) {
                shouted++;
            }
        }
        if (shouted >= 2) {
            scores.merge(Sentiment.ANGRY, MEDIUM, Double::sum);
            found.add("CAPITALS");
        }
        return new Match(scores, found);
    }
}
