package app.tandem.kb.transfer;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.KnowledgeBase;
import app.tandem.kb.curation.ArticleHistory;
import app.tandem.kb.curation.ArticleVersion;
import app.tandem.security.AuditLog;
import app.tandem.work.Progress;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves articles in and out of the knowledge base. An import is first read and compared with
 * ours into an {@link ImportReport} (nothing written); applying it writes every new and updated
 * article, and the conflicts only when the person says so, in one transaction, then re-indexes.
 * A file with a problem refuses the whole import.
 */
public final class KbTransfer {

    /** How an export is written; chosen from the file name by {@link #formatFor}. */
    public enum Format { BUNDLE, FOLDER, CSV, JSON }

    private static final Logger log = LoggerFactory.getLogger(KbTransfer.class);

    private final KnowledgeBase kb;
    private final ArticleHistory history;
    private final AuditLog audit;
    private final Clock clock;

    public KbTransfer(KnowledgeBase kb, ArticleHistory history, AuditLog audit, Clock clock) {
        this.kb = kb;
        this.history = history;
        this.audit = audit;
        this.clock = clock;
    }

    /** Reads the source and says what importing it would do; writes nothing. */
    public ImportReport plan(Path source, String author, Progress progress) {
        progress.update(0, 2, "Reading " + source.getFileName());
        ImportSource read = ImportFiles.read(source, clock.instant(), author);
        progress.checkCancelled();
        progress.update(1, 2, "Comparing with the knowledge base");
        ImportReport report = compare(read);
        progress.update(2, 2, report.summary());
        return report;
    }

    /** Plans an already-read source (tests, and {@link #apply} re-checking). */
    ImportReport compare(ImportSource source) {
        Map<String, Article> ours = kb.all().stream().collect(Collectors.toMap(Article::id, Function.identity()));
        List<ImportReport.Entry> entries = new ArrayList<>();
        for (Incoming in : source.articles()) {
            Article theirs = in.article();
            Article mine = ours.get(theirs.id());
            entries.add(new ImportReport.Entry(in.file(), theirs.id(), theirs.title(), kind(in, mine),
                    mine == null ? 0 : mine.version()));
        }
        return new ImportReport(source.name(), entries, source.problems());
    }

    private ImportReport.Kind kind(Incoming in, Article mine) {
        if (mine == null) {
            return ImportReport.Kind.NEW;
        }
        Article theirs = in.article();
        String theirHash = ContentHash.of(theirs);
        String ourHash = ContentHash.of(mine);
        if (theirHash.equals(ourHash)) {
            return in.statusGiven() && theirs.status() != mine.status() ? ImportReport.Kind.UPDATED : ImportReport.Kind.UNCHANGED;
        }
        if (in.history().contains(ourHash)) {
            return ImportReport.Kind.UPDATED;
        }
        if (historyHashes(mine).contains(theirHash)) {
            return ImportReport.Kind.OLDER;
        }
        return ImportReport.Kind.CONFLICT;
    }

    private Set<String> historyHashes(Article current) {
        return history.versions(current.id()).stream().map(v -> ContentHash.of(v.asArticle(current))).collect(Collectors.toSet());
    }

    /**
     * Writes what {@code confirmed} reported, reading the source again and refusing when the knowledge
     * base changed since the report. {@code takeConflicts}: conflicting articles are replaced by
     * theirs too (ours stays in the history); otherwise they are left as they are.
     */
    public ImportResult apply(Path source, ImportReport confirmed, boolean takeConflicts, String author, Progress progress) {
        progress.update(0, 3, "Reading " + source.getFileName());
        ImportSource read = ImportFiles.read(source, clock.instant(), author);
        ImportReport now = compare(read);
        if (now.refused()) {
            throw new ImportRefusedException(now);
        }
        if (!now.entries().equals(confirmed.entries())) {
            throw new ImportChangedException();
        }
        progress.checkCancelled();
        Map<String, ImportReport.Kind> kinds = now.entries().stream()
                .collect(Collectors.toMap(ImportReport.Entry::articleId, ImportReport.Entry::kind));
        Map<String, Article> ours = kb.all().stream().collect(Collectors.toMap(Article::id, Function.identity()));
        List<Article> write = new ArrayList<>();
        for (Incoming in : read.articles()) {
            ImportReport.Kind kind = kinds.get(in.article().id());
            boolean take = kind == ImportReport.Kind.NEW || kind == ImportReport.Kind.UPDATED
                    || kind == ImportReport.Kind.CONFLICT && takeConflicts;
            if (take) {
                write.add(withStatus(in, Optional.ofNullable(ours.get(in.article().id()))));
            }
        }
        progress.update(1, 3, "Storing " + write.size() + " articles");
        // Stored and indexed under the knowledge base's lock: the index mark never passes an import it has not seen.
        List<Article> saved = write.isEmpty() ? List.of() : kb.writeAndIndex(() -> history.saveAll(write, author));
        progress.update(2, 3, "Recording the import");
        int conflicts = (int) now.count(ImportReport.Kind.CONFLICT);
        ImportResult result = new ImportResult(now, (int) now.count(ImportReport.Kind.NEW), (int) now.count(ImportReport.Kind.UPDATED),
                takeConflicts ? conflicts : 0, takeConflicts ? 0 : conflicts);
        audit.record(author, "kb.import", read.name(), result.added() + " new, " + result.updated() + " updated, "
                + result.conflictsTaken() + " conflicts replaced, " + result.conflictsSkipped() + " conflicts kept");
        saved.stream().filter(Article::isPublished)
                .forEach(a -> audit.record(author, "kb.publish", a.id(), "version " + a.version() + " (import)"));
        log.info("Imported {}: {}", read.name(), now.summary());
        progress.update(3, 3, "Imported " + saved.size() + " articles");
        return result;
    }

    /** Markdown, CSV and JSON without a status: new articles come in as drafts, existing ones keep their status. */
    private static Article withStatus(Incoming in, Optional<Article> ours) {
        Article a = in.article();
        ArticleStatus status = in.statusGiven() ? a.status() : ours.map(Article::status).orElse(ArticleStatus.DRAFT);
        return a.withContent(a.title(), a.body(), a.tags(), status);
    }

    public static Format formatFor(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return Format.BUNDLE;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        return Format.FOLDER;
    }

    /** Exports every article (all statuses) in the format the file name says; returns how many. */
    public int export(Path out, String by, Progress progress) throws IOException {
        List<Article> all = kb.all().stream().sorted(Comparator.comparing(Article::id)).toList();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        switch (formatFor(out)) {
            case BUNDLE -> {
                List<KbBundle.Item> items = new ArrayList<>();
                for (Article a : all) {
                    progress.checkCancelled();
                    List<String> hashes = new ArrayList<>(history.versions(a.id()).stream()
                            .sorted(Comparator.comparingInt(ArticleVersion::version))
                            .filter(v -> v.version() < a.version())
                            .map(v -> ContentHash.of(v.asArticle(a))).toList());
                    items.add(new KbBundle.Item(a, hashes));
                }
                KbBundle.write(out, items, clock.instant(), by, progress);
            }
            case FOLDER -> {
                int done = 0;
                for (Article a : all) {
                    progress.checkCancelled();
                    Path file = out.resolve(a.language()).resolve(a.id() + ".md");
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, ArticleFile.format(a), StandardCharsets.UTF_8);
                    progress.update(++done, all.size(), "Exporting " + a.id());
                }
            }
            case CSV -> {
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    TableExport.csv(all, w);
                }
            }
            case JSON -> Files.write(out, TableExport.json(all));
            default -> throw new IllegalStateException("unknown format");
        }
        if (formatFor(out) != Format.BUNDLE) {
            progress.update(all.size(), all.size(), "Exported " + all.size() + " articles");
        }
        audit.record(by, "kb.export", out.getFileName().toString(), all.size() + " articles, " + formatFor(out));
        return all.size();
    }
}
