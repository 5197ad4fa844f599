package app.tandem.nlp.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Three small intents, nine phrasings each, for tests that train a real head on the frozen encoder. */
public final class ToyIntents {

    private static final String[][] DATA = {
        {"card_arrival", "my card has not arrived yet", "when will my new card come", "still waiting for my card",
            "the card never showed up in the post", "how long does card delivery take", "is my card on its way",
            "card still not here after a week", "where is the card you sent me"},
        {"top_up", "I want to top up my account", "how do I add money to my balance", "top up with my debit card",
            "put some money on my account", "can I top up by bank transfer", "adding funds to my wallet",
            "how to load money", "top-up options please"},
        {"lost_card", "I lost my card", "my card was stolen", "someone took my wallet with the card",
            "I can't find my card anywhere", "block my lost card", "card missing, please freeze it",
            "I think I left my card at the shop", "stolen card what do I do"},
    };

    private ToyIntents() {}

    /** Phrasings {@code from}..{@code to} (1..8) of every intent, labelled {@code rename(intent)}. */
    public static List<IntentExample> examples(int from, int to, UnaryOperator<String> rename) {
        List<IntentExample> out = new ArrayList<>();
        for (String[] row : DATA) {
            for (int i = from; i <= to; i++) {
                out.add(new IntentExample(row[i], rename.apply(row[0])));
            }
        }
        return out;
    }
}
