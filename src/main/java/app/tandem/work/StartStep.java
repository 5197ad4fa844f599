package app.tandem.work;

/**
 * The steps of opening a data folder, as data: the start window says them in the person's language
 * ({@link Progress#step}), the command line and the log in English.
 */
public enum StartStep {
    OPENING_DATABASE("Opening the database"),
    LOADING("Loading the knowledge base and sample customers"),
    REBUILDING_INDEX("Rebuilding the search index"),
    READY("Ready");

    private final String english;

    StartStep(String english) {
        this.english = english;
    }

    public String english() {
        return english;
    }
}
