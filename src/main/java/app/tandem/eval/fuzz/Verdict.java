package app.tandem.eval.fuzz;

/** How an entry point took one case. */
public enum Verdict {
    /** Taken in, and answered as the product answers. */
    ACCEPTED,
    /** Refused with one of the product's own refusals, in a clear sentence, nothing changed. */
    REFUSED,
    /**
     * Anything else: an exception the product did not mean to throw, an error (out of memory, stack overflow),
     * a refusal without a clear sentence, a refusal that changed the store, or a case past its time.
     */
    FAILED
}
