package app.tandem.work;

/**
 * What kind of failure to read or write the data was, for the desk to word: the store's exception carries one,
 * and the desk, which may not know the store, asks this instead. Here beside the other refusals the desk words.
 */
public interface DataFailure {

    /** Which sentence the person gets. */
    enum Kind {
        /** Anything else: the store's own message says it. */
        OTHER,
        /** The office server did not answer (stopped, unplugged, network down): nothing was saved, the seat reconnects. */
        OFFICE_NOT_ANSWERING,
        /** The office database's schema is another Tandem version's: the message says which side to upgrade. */
        SCHEMA_DIFFERS,
        /** The database refused the password (for a seat of an office server: the office key). */
        KEY_REFUSED
    }

    Kind kind();
}
