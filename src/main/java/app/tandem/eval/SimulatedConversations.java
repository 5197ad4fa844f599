package app.tandem.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * Multi-turn customer conversations built from one-turn labelled questions (Banking77), the same for
 * the same questions and seed. Each conversation has five customer turns, in this order:
 * <ol>
 * <li>{@link Position#GREETING}: small talk, no intent (nothing should be offered, or a greeting);</li>
 * <li>{@link Position#QUESTION}: a question of intent A;</li>
 * <li>{@link Position#FOLLOW_UP}: a vague follow-up ("Can you explain that a bit more?"), still about A:
 *     only the conversation so far says what it is about;</li>
 * <li>{@link Position#SAME_INTENT}: another customer's question of intent A, worded differently;</li>
 * <li>{@link Position#NEW_INTENT}: a question of another intent B: the topic has changed and the
 *     earlier turns must not pull the suggestions back to A.</li>
 * </ol>
 * No question is used twice across the conversations.
 */
public final class SimulatedConversations {

    /** Where a customer turn stands in its conversation. */
    public enum Position { GREETING, QUESTION, FOLLOW_UP, SAME_INTENT, NEW_INTENT }

    /** A customer turn and the intent whose article answers it (empty for the greeting). */
    public record Turn(Position position, String text, Optional<String> intent) {}

    public record Conversation(int id, List<Turn> turns) {}

    static final List<String> GREETINGS = List.of("Hi there", "Hello, good morning", "Hi, I hope you're well",
            "Good afternoon", "Hello, is anyone there?");

    /** Follow-ups that name no topic: neutral on purpose, none hints at an intent of its own (fees, timing, cards …). */
    static final List<String> FOLLOW_UPS = List.of("Can you explain that a bit more?", "OK, so what should I do now?",
            "Could you walk me through it?", "Sorry, I don't quite understand. What does that mean for me?",
            "Right, and then what happens?");

    /** The same in Chinese, written for Tandem (not translated word for word). */
    static final List<String> GREETINGS_ZH = List.of("你好", "您好，早上好", "你好，请问在吗？", "下午好", "您好，有人吗？");

    static final List<String> FOLLOW_UPS_ZH = List.of("能再详细解释一下吗？", "好的，那我现在该怎么办？", "可以一步一步告诉我吗？",
            "不好意思，我没太明白，这对我有什么影响？", "好，然后呢？");

    private SimulatedConversations() {}

    /**
     * Builds up to {@code max} conversations (0 = as many as the questions allow), cycling through the
     * intents in a shuffled order so that every intent opens about as many conversations.
     */
    public static List<Conversation> build(List<LabelledText> questions, int max, long seed) {
        return build(questions, max, seed, "en");
    }

    /** The same, with greetings and follow-ups in {@code language} ("en" or "zh"), the questions' language. */
    public static List<Conversation> build(List<LabelledText> questions, int max, long seed, String language) {
        List<String> greetings = language.equals("zh") ? GREETINGS_ZH : GREETINGS;
        List<String> followUps = language.equals("zh") ? FOLLOW_UPS_ZH : FOLLOW_UPS;
        Random random = new Random(seed);
        Map<String, List<String>> byIntent = new TreeMap<>();
        for (LabelledText q : questions) {
            byIntent.computeIfAbsent(q.label(), k -> new ArrayList<>()).add(q.text().strip());
        }
        Map<String, ArrayList<String>> pools = new TreeMap<>();
        byIntent.forEach((intent, texts) -> {
            ArrayList<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
            Collections.shuffle(distinct, random);
            pools.put(intent, distinct);
        });
        List<String> intents = new ArrayList<>(pools.keySet());
        Collections.shuffle(intents, random);

        List<Conversation> conversations = new ArrayList<>();
        boolean builtInRound = true;
        while (builtInRound && (max <= 0 || conversations.size() < max)) {
            builtInRound = false;
            for (String a : intents) {
                if (max > 0 && conversations.size() == max) {
                    break;
                }
                if (pools.get(a).size() < 2) {
                    continue;
                }
                Optional<String> b = otherIntent(a, intents, pools, random);
                if (b.isEmpty()) {
                    continue;
                }
                List<Turn> turns = List.of(
                        new Turn(Position.GREETING, greetings.get(random.nextInt(greetings.size())), Optional.empty()),
                        new Turn(Position.QUESTION, take(pools.get(a)), Optional.of(a)),
                        new Turn(Position.FOLLOW_UP, followUps.get(random.nextInt(followUps.size())), Optional.of(a)),
                        new Turn(Position.SAME_INTENT, take(pools.get(a)), Optional.of(a)),
                        new Turn(Position.NEW_INTENT, take(pools.get(b.get())), b));
                conversations.add(new Conversation(conversations.size() + 1, turns));
                builtInRound = true;
            }
        }
        return conversations;
    }

    /** A random intent other than {@code a} with a question left, searched from a random start. */
    private static Optional<String> otherIntent(String a, List<String> intents, Map<String, ArrayList<String>> pools, Random random) {
        int start = random.nextInt(intents.size());
        for (int i = 0; i < intents.size(); i++) {
            String b = intents.get((start + i) % intents.size());
            if (!b.equals(a) && !pools.get(b).isEmpty()) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    private static String take(ArrayList<String> pool) {
        return pool.remove(pool.size() - 1);
    }
}
