package app.tandem.eval.fuzz;

import java.util.List;

/** Every entry point the harness drives, by name, in the order a run takes them. */
public final class FuzzTargets {

    private FuzzTargets() {}

    /** {@code opener} starts Tandem over a scratch data folder (the composition root knows how). */
    public static List<FuzzHarness.TargetSpec> all(FuzzDesk.Opener opener) {
        return List.of(
                new FuzzHarness.TargetSpec("article-file", ArticleFileTarget::new),
                new FuzzHarness.TargetSpec("import-md", () -> new ImportTarget(ImportTarget.Format.MARKDOWN, opener)),
                new FuzzHarness.TargetSpec("import-folder", () -> new ImportTarget(ImportTarget.Format.FOLDER, opener)),
                new FuzzHarness.TargetSpec("import-csv", () -> new ImportTarget(ImportTarget.Format.CSV, opener)),
                new FuzzHarness.TargetSpec("import-json", () -> new ImportTarget(ImportTarget.Format.JSON, opener)),
                new FuzzHarness.TargetSpec("import-bundle", () -> new ImportTarget(ImportTarget.Format.BUNDLE, opener)),
                new FuzzHarness.TargetSpec("transcript", () -> new TranscriptTarget(opener)),
                new FuzzHarness.TargetSpec("customer-message", () -> new CustomerMessageTarget(opener)),
                new FuzzHarness.TargetSpec("editor-save", () -> new EditorSaveTarget(opener)),
                new FuzzHarness.TargetSpec("kb-search", () -> new SearchTarget(opener)),
                new FuzzHarness.TargetSpec("sign-in", () -> new SignInTarget(opener)));
    }
}
