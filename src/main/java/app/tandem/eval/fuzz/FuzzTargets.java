package app.tandem.eval.fuzz;

import java.util.List;

/**
 * Every entry point the harness drives, by name, in the order a run takes them, over one Tandem shared by the
 * run (started when the first target needs it, closed with this).
 */
public final class FuzzTargets implements AutoCloseable {

    private final ScratchDesk desk;
    private final List<FuzzHarness.TargetSpec> specs;

    /** {@code opener} starts Tandem over a scratch data folder (the composition root knows how). */
    public FuzzTargets(FuzzDesk.Opener opener) {
        desk = new ScratchDesk(opener);
        specs = List.of(
                new FuzzHarness.TargetSpec("article-file", ArticleFileTarget::new),
                new FuzzHarness.TargetSpec("import-md", () -> new ImportTarget(ImportTarget.Format.MARKDOWN, desk)),
                new FuzzHarness.TargetSpec("import-folder", () -> new ImportTarget(ImportTarget.Format.FOLDER, desk)),
                new FuzzHarness.TargetSpec("import-csv", () -> new ImportTarget(ImportTarget.Format.CSV, desk)),
                new FuzzHarness.TargetSpec("import-json", () -> new ImportTarget(ImportTarget.Format.JSON, desk)),
                new FuzzHarness.TargetSpec("import-bundle", () -> new ImportTarget(ImportTarget.Format.BUNDLE, desk)),
                new FuzzHarness.TargetSpec("transcript", () -> new TranscriptTarget(desk)),
                new FuzzHarness.TargetSpec("customer-message", () -> new CustomerMessageTarget(desk)),
                new FuzzHarness.TargetSpec("editor-save", () -> new EditorSaveTarget(desk)),
                new FuzzHarness.TargetSpec("kb-search", () -> new SearchTarget(desk)),
                new FuzzHarness.TargetSpec("sign-in", () -> new SignInTarget(desk)));
    }

    public List<FuzzHarness.TargetSpec> specs() {
        return specs;
    }

    @Override
    public void close() {
        desk.close();
    }
}
