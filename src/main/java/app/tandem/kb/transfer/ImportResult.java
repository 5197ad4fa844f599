package app.tandem.kb.transfer;

/** What an applied import wrote. */
public record ImportResult(ImportReport report, int added, int updated, int conflictsTaken, int conflictsSkipped) {

    public int written() {
        return added + updated + conflictsTaken;
    }
}
