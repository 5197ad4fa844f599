package app.tandem.office;

/** What a person at a seat has said about themselves; the office routes transfers with it. */
public enum Presence {
    AVAILABLE,
    BUSY,
    AWAY
}
