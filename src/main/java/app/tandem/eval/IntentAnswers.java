package app.tandem.eval;

import app.tandem.assist.Macro;
import app.tandem.assist.SuggestionSource;
import app.tandem.kb.Article;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which customer intents each reply source answers, to judge a suggestion against a labelled question:
 * an article by the intents it lists, a macro by the intents a supervisor gave it. A past reply has no
 * intents, so it never counts as right here. Before macros named their intents, a macro first was a miss
 * even when it was a fair reply ("your replacement card is on its way" for a card that has not arrived).
 */
public final class IntentAnswers {

    private final Map<String, Set<String>> intentsBySource;

    private IntentAnswers(Map<String, Set<String>> intentsBySource) {
        this.intentsBySource = intentsBySource;
    }

    /** Keyed as suggestions name their source: the article id, {@code macro:<id>}. */
    public static IntentAnswers of(Collection<Article> articles, Collection<Macro> macros) {
        Map<String, Set<String>> by = new HashMap<>();
        for (Article a : articles) {
            by.put(a.id(), Set.copyOf(a.intents()));
        }
        for (Macro m : macros) {
            by.put(macroRef(m.id()), Set.copyOf(m.intents()));
        }
        return new IntentAnswers(by);
    }

    /** By source reference directly: article id or {@code macro:<id>} → the intents it answers. */
    static IntentAnswers bySource(Map<String, Set<String>> intentsBySource) {
        return new IntentAnswers(Map.copyOf(intentsBySource));
    }

    /** True when the suggestion from {@code source} / {@code sourceRef} answers a question of {@code intent}. */
    public boolean answers(SuggestionSource source, String sourceRef, String intent) {
        return switch (source) {
            case ARTICLE, MACRO -> intentsBySource.getOrDefault(sourceRef, Set.of()).contains(intent);
            default -> false;
        };
    }

    private static String macroRef(long id) {
        return "macro:" + id;
    }
}
