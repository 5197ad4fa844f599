package app.tandem.kb.transfer;

/** An import with a bad file is refused as a whole; the report says which files and why. */
public final class ImportRefusedException extends RuntimeException {

    private final transient ImportReport report;

    public ImportRefusedException(ImportReport report) {
        super(report.summary() + " " + report.problems().stream().map(p -> p.where() + ": " + p.reason())
                .reduce((a, b) -> a + "; " + b).orElse(""));
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
