package app.tandem.nlp.entities;

/**
 * What a span of a customer turn is. {@link #personalData()} types are masked wherever text leaves
 * the conversation (logs, learned questions, training sets) and, depending on the role, on screen.
 */
public enum EntityType {
    CARD_NUMBER(true, "card"),
    IBAN(true, "iban"),
    RESIDENT_ID(true, "id"),
    PHONE(true, "phone"),
    EMAIL(true, "email"),
    SORT_CODE(true, "sort code"),
    ACCOUNT_NUMBER(true, "account"),
    PERSON(true, "name"),
    AMOUNT(false, "amount"),
    DATE(false, "date"),
    ORDER_REF(false, "order"),
    TRANSACTION_REF(false, "ref");

    private final boolean personalData;
    private final String maskWord;

    EntityType(boolean personalData, String maskWord) {
        this.personalData = personalData;
        this.maskWord = maskWord;
    }

    public boolean personalData() {
        return personalData;
    }

    /** The placeholder written instead of the text when masked, e.g. {@code [card]}. */
    public String mask() {
        return "[" + maskWord + "]";
    }
}
