package app.tandem.kb.transfer;

/**
 * The knowledge base or the import's files changed between the report and the import: nothing was
 * written, and the person should look at a fresh report. A type of its own so the desk can say it in
 * its language; the message is the English for logs and the command line.
 */
public final class ImportChangedException extends IllegalStateException {

    public ImportChangedException() {
        super("The knowledge base or the file changed since the import report: review the report again.");
    }
}
