package app.tandem.kb.transfer;

import static app.tandem.kb.KbFixture.SUPERVISOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.tandem.Slow;
import app.tandem.kb.Article;
import app.tandem.kb.ArticleProblem;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KbFixture;
import app.tandem.kb.SearchFilter;
import app.tandem.work.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class KbTransferIntegrationTest {

    @TempDir
    Path tmp;

    private static Map<String, Article> byId(KbFixture f) {
        return f.kb.all().stream().collect(Collectors.toMap(Article::id, Function.identity()));
    }

    @Test
    void exportThenImportIntoAFreshDataFolderGivesTheSameArticles() throws IOException {
        Path bundle = tmp.resolve("out/kb.zip");
        Map<String, Article> original;
        try (KbFixture office = new KbFixture(tmp.resolve("office-a"), true)) {
            Article a = office.kb.find("card-delivery-en").orElseThrow();
            office.curation.save(SUPERVISOR, a.withContent(a.title(), a.body() + "\n\nEdited in office A.", a.tags(),
                    ArticleStatus.IN_REVIEW), 1);
            assertEquals(98, office.transfer.export(bundle, "sue", Progress.NONE));
            original = byId(office);
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(bundle))) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
            }
            assertTrue(names.contains("manifest.json"));
            assertTrue(names.contains("articles/zh/card-delivery-zh.md"));
        }
        try (KbFixture fresh = new KbFixture(tmp.resolve("office-b"), false)) {
            ImportReport report = fresh.transfer.plan(bundle, "bob", Progress.NONE);
            assertFalse(report.refused(), report.problems().toString());
            assertEquals(98, report.count(ImportReport.Kind.NEW));
            ImportResult result = fresh.transfer.apply(bundle, report, false, "bob", Progress.NONE);
            assertEquals(98, result.added());
            Map<String, Article> imported = byId(fresh);
            assertEquals(original.keySet(), imported.keySet());
            for (Article o : original.values()) {
                Article i = imported.get(o.id());
                assertEquals(List.of(o.title(), o.language(), o.status(), o.tags(), o.intents(), o.translationOf(), o.body()),
                        List.of(i.title(), i.language(), i.status(), i.tags(), i.intents(), i.translationOf(), i.body()), o.id());
            }
            assertFalse(fresh.kb.search("card arrive", SearchFilter.publishedOnly(), 3).isEmpty(), "re-indexed after the import");
            assertTrue(fresh.audit.latest(200).stream().anyMatch(e -> e.action().equals("kb.import")));
            // The same bundle again changes nothing.
            assertEquals(98, fresh.transfer.plan(bundle, "bob", Progress.NONE).count(ImportReport.Kind.UNCHANGED));
        }
    }

    @Test
    void theReportSaysNewUpdatedConflictingAndOlder() throws IOException {
        Path bundle = tmp.resolve("a.zip");
        try (KbFixture b = new KbFixture(tmp.resolve("office-b"), true)) {
            // Office B edits pin-blocked (ours will conflict) before receiving A's bundle.
            Article pin = b.kb.find("pin-blocked-en").orElseThrow();
            b.curation.save(SUPERVISOR, pin.withContent(pin.title(), pin.body() + "\n\nB's own note.", pin.tags(), pin.status()), 1);
            try (KbFixture a = new KbFixture(tmp.resolve("office-a"), true)) {
                Article card = a.kb.find("card-delivery-en").orElseThrow();
                a.curation.save(SUPERVISOR, card.withContent(card.title(), card.body() + "\n\nA's update.", card.tags(), card.status()), 1);
                Article aPin = a.kb.find("pin-blocked-en").orElseThrow();
                a.curation.save(SUPERVISOR, aPin.withContent(aPin.title(), aPin.body() + "\n\nA's pin note.", aPin.tags(), aPin.status()), 1);
                Article fresh = a.curation.newArticle(SUPERVISOR, "Paying rent by card", "en", java.util.Optional.empty());
                a.curation.save(SUPERVISOR, fresh.withContent(fresh.title(), "Yes.", List.of(), ArticleStatus.PUBLISHED), 0);
                a.transfer.export(bundle, "sue", Progress.NONE);
            }
            // B also moved top-up-limits ahead: A's copy is an older version of ours.
            Article limits = b.kb.find("top-up-limits-en").orElseThrow();
            b.curation.save(SUPERVISOR, limits.withContent(limits.title(), limits.body() + "\n\nB's addition.", limits.tags(),
                    limits.status()), 1);

            ImportReport report = b.transfer.plan(bundle, "bob", Progress.NONE);
            Map<String, ImportReport.Kind> kinds = report.entries().stream()
                    .collect(Collectors.toMap(ImportReport.Entry::articleId, ImportReport.Entry::kind));
            assertEquals(ImportReport.Kind.NEW, kinds.get("paying-rent-by-card-en"));
            assertEquals(ImportReport.Kind.UPDATED, kinds.get("card-delivery-en"));
            assertEquals(ImportReport.Kind.CONFLICT, kinds.get("pin-blocked-en"));
            assertEquals(ImportReport.Kind.OLDER, kinds.get("top-up-limits-en"));
            assertEquals(ImportReport.Kind.UNCHANGED, kinds.get("transfer-fee-en"));
            assertEquals("1 new, 1 updated, 1 conflicting, 95 unchanged, 1 older than ours", report.summary());

            b.transfer.apply(bundle, report, false, "bob", Progress.NONE);
            assertTrue(b.kb.find("card-delivery-en").orElseThrow().body().endsWith("A's update."));
            assertTrue(b.kb.find("pin-blocked-en").orElseThrow().body().endsWith("B's own note."), "conflict not applied silently");
            assertTrue(b.kb.find("top-up-limits-en").orElseThrow().body().endsWith("B's addition."));

            ImportReport again = b.transfer.plan(bundle, "bob", Progress.NONE);
            assertEquals(1, again.count(ImportReport.Kind.CONFLICT));
            b.transfer.apply(bundle, again, true, "bob", Progress.NONE);
            Article pin2 = b.kb.find("pin-blocked-en").orElseThrow();
            assertTrue(pin2.body().endsWith("A's pin note."), "taken when the person chooses");
            assertTrue(b.curation.versions("pin-blocked-en").stream().anyMatch(v -> v.body().endsWith("B's own note.")));
        }
    }

    @Test
    void oneBadFileRefusesTheWholeImport() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("incoming"));
        Files.writeString(dir.resolve("good.md"), "---\nid: good-one-en\ntitle: Good\nlanguage: en\n---\nA body.\n");
        Files.writeString(dir.resolve("no-front-matter.md"), "Just text\n");
        Files.writeString(dir.resolve("bad-yaml.md"), "---\nid: Bad Id\ntitle: x\nlanguage: en\n---\nBody\n");
        Files.write(dir.resolve("binary.md"), new byte[] {'-', '-', '-', 0, 1, 2});
        Files.writeString(dir.resolve("huge.md"), "---\nid: huge-en\ntitle: Huge\nlanguage: en\n---\n" + "x".repeat(1_100_000));
        Files.writeString(dir.resolve("dup.md"), "---\nid: good-one-en\ntitle: Again\nlanguage: en\n---\nA body.\n");
        try (KbFixture f = new KbFixture(tmp.resolve("data"), true)) {
            ImportReport report = f.transfer.plan(dir, "sue", Progress.NONE);
            assertTrue(report.refused());
            Map<String, String> problems = report.problems().stream()
                    .collect(Collectors.toMap(ImportProblem::file, ImportProblem::reason));
            assertEquals(5, problems.size(), problems.toString());
            assertTrue(problems.get("no-front-matter.md").contains("front matter"));
            assertTrue(problems.get("bad-yaml.md").contains("lower-case"));
            assertTrue(problems.get("binary.md").contains("binary"));
            assertTrue(problems.get("huge.md").contains("limit"));
            assertTrue(problems.get("good.md").contains("duplicate") || problems.get("dup.md").contains("duplicate"));
            long before = f.kb.count();
            assertThrows(ImportRefusedException.class, () -> f.transfer.apply(dir, report, true, "sue", Progress.NONE));
            assertEquals(before, f.kb.count(), "nothing imported");
            assertTrue(f.kb.find("good-one-en").isEmpty());
        }
    }

    @Test
    void anAlteredBundleFileIsRefused() throws IOException {
        Path bundle = tmp.resolve("kb.zip");
        Path altered = tmp.resolve("altered.zip");
        try (KbFixture f = new KbFixture(tmp.resolve("data"), true)) {
            f.transfer.export(bundle, "sue", Progress.NONE);
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle));
             OutputStream file = Files.newOutputStream(altered); ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals("articles/en/pin-blocked-en.md")
                        ? (new String(bytes, StandardCharsets.UTF_8) + "tampered").getBytes(StandardCharsets.UTF_8) : bytes);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("articles/en/stray.md"));
            out.write("stray".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (KbFixture fresh = new KbFixture(tmp.resolve("fresh"), false)) {
            ImportReport report = fresh.transfer.plan(altered, "bob", Progress.NONE);
            assertEquals(2, report.problems().size(), report.problems().toString());
            assertTrue(report.problems().get(0).reason().contains("sha256"));
            assertTrue(report.problems().get(1).reason().contains("not listed"));
            assertEquals(ArticleProblem.Kind.HASH_MISMATCH, report.problems().get(0).problem().kind());
            assertEquals(ArticleProblem.Kind.NOT_IN_MANIFEST, report.problems().get(1).problem().kind());
            Path notAZip = Files.writeString(tmp.resolve("fake.zip"), "hello");
            assertTrue(fresh.transfer.plan(notAZip, "bob", Progress.NONE).refused());
        }
    }

    @Test
    void csvAndJsonImportOneArticlePerRowAndRefuseBadRows() throws IOException {
        Path csv = Files.writeString(tmp.resolve("faq.csv"), """
                question,answer,tags
                Can I pay rent by card?,"Yes, up to your card limit.",cards; payments
                如何更改密码？,在应用里更改。,pin
                """);
        Path badCsv = Files.writeString(tmp.resolve("bad.csv"), """
                question,answer,tags
                Can I pay rent by card?,Yes.,cards
                ,No question here,
                Can I pay rent by card?,Twice,
                """);
        Path json = Files.writeString(tmp.resolve("faq.json"), """
                [{"title": "Opening hours", "body": "9 to 5.", "tags": ["branch"], "status": "PUBLISHED"},
                 {"id": "card-delivery-en", "title": "When will my card arrive?", "language": "en", "body": "Soon."}]
                """);
        try (KbFixture f = new KbFixture(tmp.resolve("data"), true)) {
            ImportReport r = f.transfer.plan(csv, "sue", Progress.NONE);
            assertEquals(2, r.count(ImportReport.Kind.NEW), r.toString());
            f.transfer.apply(csv, r, false, "sue", Progress.NONE);
            Article rent = f.kb.find("can-i-pay-rent-by-card-en").orElseThrow();
            assertEquals(List.of("cards", "payments"), rent.tags());
            assertEquals(ArticleStatus.DRAFT, rent.status(), "new articles from CSV come in as drafts");
            assertEquals(1, f.kb.all().stream().filter(a -> a.language().equals("zh") && a.title().equals("如何更改密码？")).count());

            ImportReport bad = f.transfer.plan(badCsv, "sue", Progress.NONE);
            assertEquals(2, bad.problems().size(), bad.problems().toString());
            assertEquals(List.of(ArticleProblem.Kind.MISSING_TITLE, ArticleProblem.Kind.DUPLICATE_ROW_ID),
                    bad.problems().stream().map(p -> p.problem().kind()).toList());
            assertEquals("duplicate id \"can-i-pay-rent-by-card-en\" (two rows with the same question?)", bad.problems().get(1).reason());
            // Rows as a spreadsheet numbers them: the header is row 1, so the empty question is row 3.
            assertEquals(List.of("bad.csv row 3", "bad.csv row 4"), bad.problems().stream().map(p -> p.where()).toList());

            ImportReport j = f.transfer.plan(json, "sue", Progress.NONE);
            assertEquals(1, j.count(ImportReport.Kind.NEW));
            assertEquals(1, j.count(ImportReport.Kind.CONFLICT), "same id, different text, no history: a conflict");
            assertFalse(f.transfer.plan(Files.writeString(tmp.resolve("broken.json"), "[{"), "sue", Progress.NONE)
                    .problems().isEmpty());
        }
    }

    @Test
    void csvAndJsonAndFolderExportsReadBack() throws IOException {
        try (KbFixture f = new KbFixture(tmp.resolve("data"), true)) {
            for (String out : List.of("kb.csv", "kb.json", "folder")) {
                Path p = tmp.resolve(out);
                assertEquals(98, f.transfer.export(p, "sue", Progress.NONE));
                ImportReport r = f.transfer.plan(p, "sue", Progress.NONE);
                assertFalse(r.refused(), out + ": " + r.problems());
                assertEquals(98, r.entries().size(), out);
            }
            assertEquals(98, f.transfer.plan(tmp.resolve("kb.json"), "sue", Progress.NONE).count(ImportReport.Kind.UNCHANGED));
            assertEquals(98, f.transfer.plan(tmp.resolve("folder"), "sue", Progress.NONE).count(ImportReport.Kind.UNCHANGED));
        }
    }
}
