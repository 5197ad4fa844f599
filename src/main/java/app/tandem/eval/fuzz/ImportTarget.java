package app.tandem.eval.fuzz;

import app.tandem.kb.Article;
import app.tandem.kb.ImportLimits;
import app.tandem.kb.transfer.ContentHash;
import app.tandem.kb.transfer.ImportProblem;
import app.tandem.kb.transfer.ImportReport;
import app.tandem.kb.transfer.KbTransfer;
import app.tandem.work.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The knowledge-base import as the editor runs it: {@link KbTransfer#plan} reads the file and compares it with
 * the knowledge base, and an import that is not refused is applied ({@link KbTransfer#apply}), writing to a real
 * H2 database and re-indexing in Lucene. A refused import must leave the knowledge base exactly as it was.
 */
final class ImportTarget extends DeskTarget {

    /** The five ways in: one Markdown file, a folder, CSV, JSON and a bundle. */
    enum Format {
        MARKDOWN("import-md"), FOLDER("import-folder"), CSV("import-csv"), JSON("import-json"), BUNDLE("import-bundle");

        final String target;

        Format(String target) {
            this.target = target;
        }
    }

    private final Format format;
    private final List<byte[]> seeds;
    private final CaseMaker cases;

    ImportTarget(Format format, ScratchDesk desks) {
        super(desks);
        this.format = format;
        this.seeds = SeedFiles.of(format);
        this.cases = new CaseMaker(name(), probes(), this::grammar, this::mutation);
    }

    @Override
    public String name() {
        return format.target;
    }

    @Override
    public FuzzCase generate(int number, Random random) {
        return cases.make(number, random);
    }

    private List<Probe> probes() {
        return switch (format) {
            case MARKDOWN -> List.of(
                    new Probe("20,000 nested >", () -> FuzzInput.file("quotes.md", Probes.article("quotes-en", Probes.NESTED_QUOTES))),
                    new Probe("5,000 nested list markers", () -> FuzzInput.file("lists.md", Probes.article("lists-en", Probes.NESTED_LISTS))),
                    new Probe("20,000 nested *", () -> FuzzInput.file("emphasis.md", Probes.article("emphasis-en", Probes.NESTED_EMPHASIS))),
                    new Probe("title of 600 characters", () -> FuzzInput.file("title.md",
                            "---\nid: long-title-en\ntitle: " + "t".repeat(600) + "\nlanguage: en\n---\nBody.\n")),
                    new Probe("200 tags", () -> FuzzInput.file("tags.md", "---\nid: many-tags-en\ntitle: Tags\nlanguage: en\ntags:\n"
                            + "  - a tag of some length\n".repeat(200) + "---\nBody.\n")));
            case FOLDER -> List.of(
                    new Probe("a folder with 20,000 nested >", () -> new FuzzInput(List.of(
                            new FuzzInput.Part("en/quotes-en.md", Probes.article("quotes-en", Probes.NESTED_QUOTES).getBytes(StandardCharsets.UTF_8)),
                            new FuzzInput.Part("en/ok-en.md", Probes.article("fuzz-1-en", "Fine.").getBytes(StandardCharsets.UTF_8))))),
                    new Probe("a folder with 5,000 nested list markers", () -> FuzzInput.file("en/lists-en.md",
                            Probes.article("lists-en", Probes.NESTED_LISTS))),
                    new Probe("a folder with 20,000 nested *", () -> FuzzInput.file("en/emphasis-en.md",
                            Probes.article("emphasis-en", Probes.NESTED_EMPHASIS))));
            case CSV -> List.of(
                    new Probe("an answer of 20,000 nested >", () -> FuzzInput.file("kb.csv", "question,answer,tags\nQuotes?,\""
                            + Probes.NESTED_QUOTES + "\",x\n")),
                    new Probe("a question of 600 characters", () -> FuzzInput.file("kb.csv", "question,answer,tags\n"
                            + "q".repeat(600) + ",Answer.,x\n")),
                    // One row past the limit: refused. A table at the limit is a real import of 20,000 articles, stored and
                    // indexed with progress (16-20 s), not a case for a 2 s limit.
                    new Probe("a table of 20,001 rows", () -> FuzzInput.file("kb.csv", "question,answer,tags\n"
                            + java.util.stream.IntStream.range(0, ImportLimits.MAX_ARTICLES + 1)
                            .mapToObj(i -> "Question " + i + "?,Answer " + i + ".,t\n").collect(Collectors.joining()))));
            case JSON -> List.of(
                    new Probe("a body of 5,000 nested list markers", () -> FuzzInput.file("kb.json", "[{\"title\": \"Lists\", \"body\": \""
                            + Probes.NESTED_LISTS + "\"}]")),
                    new Probe("100,000 nested arrays", () -> FuzzInput.file("kb.json", "[".repeat(100_000) + "]".repeat(100_000))),
                    new Probe("a title of 600 characters", () -> FuzzInput.file("kb.json", "[{\"title\": \"" + "t".repeat(600)
                            + "\", \"body\": \"Body.\"}]")));
            case BUNDLE -> List.of(
                    // Accepted, so a short run shows the bundle door open as well as shut (most generated bundles carry a flaw).
                    new Probe("a bundle as Tandem exports it", () -> FuzzInput.file("kb.zip", SeedFiles.of(Format.BUNDLE).get(0))),
                    new Probe("bomb: 700 entries of 1 MB in 0.8 MB", () -> FuzzInput.file("bomb.zip", Probes.bomb()), FuzzCase.Limits.BOMB),
                    new Probe("20,000 nested > in a bundle", () -> FuzzInput.file("quotes.zip", bundleOf("quotes-en",
                            Probes.article("quotes-en", Probes.NESTED_QUOTES)))));
        };
    }

    private static byte[] bundleOf(String id, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String file = "articles/en/" + id + ".md";
        String manifest = "{\"format\": \"tandem-kb-bundle\", \"formatVersion\": 1, \"articles\": [{\"id\": \"" + id + "\", \"file\": \""
                + file + "\", \"version\": 1, \"status\": \"DRAFT\", \"sha256\": \"" + ContentHash.sha256(bytes) + "\", \"history\": []}]}";
        return ZipBytes.write(List.of(new ZipBytes.Entry(file, bytes, false),
                new ZipBytes.Entry("manifest.json", manifest.getBytes(StandardCharsets.UTF_8), false)));
    }

    private FuzzInput grammar(Random r) {
        return switch (format) {
            case MARKDOWN -> FuzzInput.file("article.md", MarkdownGrammar.article(r));
            case FOLDER -> folder(r, i -> MarkdownGrammar.article(r).getBytes(StandardCharsets.UTF_8));
            case CSV -> FuzzInput.file("kb.csv", TableGrammar.csv(r));
            case JSON -> FuzzInput.file("kb.json", TableGrammar.json(r));
            case BUNDLE -> FuzzInput.file("kb.zip", BundleGrammar.bundle(r));
        };
    }

    private CaseMaker.Mutation mutation(Random r) {
        return switch (format) {
            case MARKDOWN -> CaseMaker.mutated(seeds, r, "article.md");
            case FOLDER -> {
                int bad = r.nextInt(3);
                List<String> ops = new ArrayList<>();
                FuzzInput in = folder(r, i -> {
                    if (i != bad) {
                        return Noise.pick(r, seeds);
                    }
                    CaseMaker.Mutation m = CaseMaker.mutated(seeds, r, "x");
                    ops.add(m.operation());
                    return m.input().first().bytes();
                });
                yield new CaseMaker.Mutation(ops.isEmpty() ? "seeds only" : ops.get(0), in);
            }
            case CSV -> CaseMaker.mutated(seeds, r, "kb.csv");
            case JSON -> CaseMaker.mutated(seeds, r, "kb.json");
            case BUNDLE -> bundleMutation(r);
        };
    }

    /** A folder of up to five files in the layouts people use: by language, flat, nested, with other files among them. */
    private static FuzzInput folder(Random r, java.util.function.IntFunction<byte[]> file) {
        List<FuzzInput.Part> parts = new ArrayList<>();
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String dir = Noise.pick(r, List.of("en/", "zh/", "", "a/b/c/", "fr/"));
            String name = Noise.pick(r, List.of("article-" + i + ".md", "Article " + i + ".md", "文章-" + i + ".md", ".hidden-" + i + ".md",
                    "notes-" + i + ".txt", "article-" + i + ".MD"));
            parts.add(new FuzzInput.Part(dir + name, file.apply(i)));
        }
        if (r.nextInt(15) == 0) {
            parts.add(new FuzzInput.Part("en/empty.md", new byte[0]));
        }
        return new FuzzInput(parts);
    }

    /** The exported bundle damaged: as bytes, or one article changed (with its hash put right, so the text is read). */
    private CaseMaker.Mutation bundleMutation(Random r) {
        byte[] seed = Noise.pick(r, seeds);
        int pick = r.nextInt(6);
        if (pick == 0) {
            return CaseMaker.mutated(seeds, r, "kb.zip");
        }
        Map<String, byte[]> entries = ZipBytes.read(seed);
        List<String> names = entries.keySet().stream().filter(n -> n.endsWith(".md")).toList();
        String victim = Noise.pick(r, names);
        String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8);
        if (pick == 1) {
            return new CaseMaker.Mutation("lying sizes", FuzzInput.file("kb.zip", ZipBytes.lieAboutSizes(
                    ZipBytes.write(entries.entrySet().stream().map(e -> new ZipBytes.Entry(e.getKey(), e.getValue(), true)).toList()), r)));
        }
        if (pick == 2) {
            String twin = "~" + victim.substring(1);
            List<ZipBytes.Entry> list = new ArrayList<>(entries.entrySet().stream().map(e -> new ZipBytes.Entry(e.getKey(), e.getValue(), false)).toList());
            list.add(new ZipBytes.Entry(twin, Noise.pick(r, seeds), false));
            return new CaseMaker.Mutation("duplicate entry " + victim, FuzzInput.file("kb.zip", ZipBytes.rename(ZipBytes.write(list), twin, victim)));
        }
        if (pick == 3) {
            String evil = Noise.pick(r, List.of("../../", "/", "articles/../../../", "C:\\")) + victim;
            entries.put(evil, entries.remove(victim));
            manifest = manifest.replace("\"" + victim + "\"", "\"" + evil.replace("\\", "\\\\") + "\"");
            entries.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
            return new CaseMaker.Mutation("path traversal " + evil, FuzzInput.file("kb.zip", rezip(entries)));
        }
        if (pick == 4) {
            entries.put("articles/en/nested.zip", seed);
            return new CaseMaker.Mutation("nested zip", FuzzInput.file("kb.zip", rezip(entries)));
        }
        Mutator.Mutant m = Mutator.mutate(entries.get(victim), r);
        boolean fixHash = r.nextInt(3) != 0;
        if (fixHash) {
            manifest = manifest.replace(ContentHash.sha256(entries.get(victim)), ContentHash.sha256(m.bytes()));
            entries.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
        }
        entries.put(victim, m.bytes());
        return new CaseMaker.Mutation(victim + ": " + m.operation() + (fixHash ? ", hash put right" : ""), FuzzInput.file("kb.zip", rezip(entries)));
    }

    private static byte[] rezip(Map<String, byte[]> entries) {
        return ZipBytes.write(entries.entrySet().stream().map(e -> new ZipBytes.Entry(e.getKey(), e.getValue(), false)).toList());
    }

    @Override
    public Outcome run(FuzzInput input) throws IOException {
        ScratchDesk.Instance desk = desk(); // a case left running keeps its own store when the next case gets a fresh one
        KbTransfer transfer = desk.desk().transfer();
        Path folder = desk.caseFolder();
        Path source = write(folder, input);
        String before = fingerprint(desk);
        try {
            ImportReport report = transfer.plan(source, "fuzz", Progress.NONE);
            if (report.refused()) {
                return unchanged(desk, before, judged(report));
            }
            // Conflicts taken or kept, the two ways the editor offers, chosen by the input so a case is remade alike.
            boolean takeConflicts = input.size() % 2 == 0;
            transfer.apply(source, report, takeConflicts, "fuzz", Progress.NONE);
            return Outcome.accepted(report.summary());
        } catch (RuntimeException e) {
            if (Refusals.isRefusal(e)) {
                return unchanged(desk, before, Refusals.of(e));
            }
            throw e;
        } finally {
            ScratchDesk.delete(folder);
        }
    }

    /** A refused import's report: the summary and each problem's reason must be clear sentences. */
    private static Outcome judged(ImportReport report) {
        for (ImportProblem p : report.problems()) {
            Optional<String> unclear = Refusals.unclear(p.reason());
            if (unclear.isPresent()) {
                return Outcome.failed(p.where() + ": " + unclear.get());
            }
        }
        return Refusals.judged(report.summary() + " " + report.problems().get(0).where() + ": " + report.problems().get(0).reason());
    }

    private static Outcome unchanged(ScratchDesk.Instance desk, String before, Outcome refusal) {
        String after = fingerprint(desk);
        return after.equals(before) ? refusal
                : Outcome.failed("a refused import changed the knowledge base (" + refusal.detail() + ")");
    }

    /** The articles, their versions and statuses: what a refused import must not change. */
    private static String fingerprint(ScratchDesk.Instance desk) {
        return desk.desk().knowledgeBase().all().stream().sorted(Comparator.comparing(Article::id))
                .map(a -> a.id() + "@" + a.version() + ":" + a.status()).collect(Collectors.joining(","));
    }

    private Path write(Path folder, FuzzInput input) throws IOException {
        if (format != Format.FOLDER) {
            Path file = folder.resolve(input.first().name());
            Files.write(file, input.first().bytes());
            return file;
        }
        Path root = folder.resolve("kb");
        for (FuzzInput.Part p : input.parts()) {
            Path file = root.resolve(p.name()).normalize();
            if (file.startsWith(root)) {
                Files.createDirectories(file.getParent());
                Files.write(file, p.bytes());
            }
        }
        Files.createDirectories(root);
        return root;
    }
}
