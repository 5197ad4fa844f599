package app.tandem.nlp;

/** The languages Tandem serves; each has its own sentence encoder. */
public enum Language {
    EN("en"),
    ZH("zh");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1 code, as used in the model catalog. */
    public String code() {
        return code;
    }
}
