package app.tandem.office;

/** What seats hold in memory but the office shares: a change on one seat makes the others re-read it. */
public enum SharedSetting {
    MACROS,
    ALLOWLIST,
    INTENT_MODEL
}
