package app.tandem.assist.escalation;

import java.util.Set;

/**
 * The intents that need action now (a card or phone gone, a payment or withdrawal the customer did not
 * make, a compromised account): whichever source names one, the escalation rules raise URGENT_INTENT.
 * Banking77 names, plus {@code compromised_account}, which Banking77 lacks and the keyword rules know.
 */
public final class UrgentIntents {

    private static final Set<String> URGENT = Set.of("lost_or_stolen_card", "compromised_card", "compromised_account",
            "card_swallowed", "lost_or_stolen_phone", "cash_withdrawal_not_recognised", "card_payment_not_recognised",
            "direct_debit_payment_not_recognised");

    private UrgentIntents() {}

    /** Every urgent intent. */
    public static Set<String> all() {
        return URGENT;
    }

    public static boolean isUrgent(String intent) {
        return URGENT.contains(intent);
    }
}
