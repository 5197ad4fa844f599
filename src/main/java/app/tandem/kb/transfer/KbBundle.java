package app.tandem.kb.transfer;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleFormatException;
import app.tandem.kb.ArticleProblem;
import app.tandem.kb.ArticleProblem.Kind;
import app.tandem.kb.ArticleStatus;
import app.tandem.kb.ImportLimits;
import app.tandem.work.Progress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * A whole knowledge base in one zip, for moving it between offices: {@code manifest.json} (format,
 * when and by whom, and per article its id, file, version, status, the sha256 of its file and the
 * hashes of its earlier versions) and one Markdown file per article under {@code articles/<language>/}.
 * The format is described in docs/kb-import-export.md.
 */
public final class KbBundle {

    public static final String FORMAT = "tandem-kb-bundle";
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One article to write: its current content and the content hashes of its earlier versions, oldest first. */
    public record Item(Article article, List<String> history) {}

    private KbBundle() {}

    /** Writes the bundle to a temporary file beside {@code out}, then moves it in place: no half-written bundles. */
    public static void write(Path out, List<Item> items, Instant at, String by, Progress progress) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".tandem-export-", ".zip");
        try {
            try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
                ObjectNode manifest = JSON.createObjectNode();
                manifest.put("format", FORMAT);
                manifest.put("formatVersion", FORMAT_VERSION);
                manifest.put("exportedAt", at.toString());
                manifest.put("exportedBy", by);
                manifest.put("articleCount", items.size());
                ArrayNode list = manifest.putArray("articles");
                int done = 0;
                for (Item item : items) {
                    progress.checkCancelled();
                    Article a = item.article();
                    byte[] bytes = ArticleFile.format(a).getBytes(StandardCharsets.UTF_8);
                    String name = "articles/" + a.language() + "/" + a.id() + ".md";
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(bytes);
                    zip.closeEntry();
                    ObjectNode entry = list.addObject();
                    entry.put("id", a.id());
                    entry.put("file", name);
                    entry.put("version", a.version());
                    entry.put("status", a.status().name());
                    entry.put("sha256", ContentHash.sha256(bytes));
                    ArrayNode history = entry.putArray("history");
                    item.history().forEach(history::add);
                    progress.update(++done, items.size() + 1, "Exporting " + a.id());
                }
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.update(items.size() + 1, items.size() + 1, "Exported " + items.size() + " articles");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a bundle; every file that is missing, altered, too large, binary, malformed or badly named is a problem.
     * A bundle past {@link ImportLimits} (too many files, too many bytes unpacked, packed too tightly) is refused
     * whole at the first limit crossed, with nothing else read.
     */
    public static ImportSource read(Path zipFile, Instant now, String author) {
        String name = zipFile.getFileName().toString();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<ImportProblem> problems = new ArrayList<>();
        byte[] manifestBytes = null;
        try (BundleEntries entries = new BundleEntries(zipFile)) {
            Optional<ZipEntry> next;
            while ((next = entries.next()).isPresent()) {
                ZipEntry entry = next.get();
                Optional<Kind> badName = entries.badName();
                if (badName.isPresent()) {
                    problems.add(new ImportProblem(entry.getName(), badName.get()));
                    entries.skip();
                    continue;
                }
                if (entry.isDirectory()) {
                    continue;
                }
                try {
                    byte[] bytes = entries.read(entry.getName().equals(MANIFEST) ? ImportLimits.MAX_TOTAL_BYTES : ArticleFile.MAX_BYTES);
                    if (entry.getName().equals(MANIFEST)) {
                        manifestBytes = bytes;
                    } else {
                        files.put(entry.getName(), bytes);
                    }
                } catch (ArticleFormatException e) {
                    problems.add(new ImportProblem(entry.getName(), e.problem()));
                    files.put(entry.getName(), null);
                }
            }
        } catch (BundleEntries.Refused e) {
            return new ImportSource(name, List.of(), List.of(e.problem()));
        } catch (ZipException e) {
            return refused(name, Kind.UNREADABLE_ZIP, e.getMessage());
        } catch (IOException e) {
            return refused(name, Kind.CANNOT_READ, e.getMessage());
        }
        if (manifestBytes == null) {
            return refused(name, Kind.NO_MANIFEST, MANIFEST);
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(TextFiles.decode(manifestBytes));
        } catch (IOException e) {
            return refused(name, Kind.MANIFEST_NOT_JSON, MANIFEST, e.getMessage());
        } catch (ArticleFormatException e) {
            return refused(name, Kind.MANIFEST_NOT_TEXT, MANIFEST);
        }
        if (!FORMAT.equals(manifest.path("format").asText()) || manifest.path("formatVersion").asInt() > FORMAT_VERSION
                || !manifest.path("articles").isArray()) {
            return refused(name, Kind.BAD_BUNDLE_FORMAT, MANIFEST, FORMAT, FORMAT_VERSION);
        }
        List<Incoming> articles = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode n : manifest.get("articles")) {
            String file = n.path("file").asText();
            listed.add(file);
            try {
                if (!files.containsKey(file)) {
                    throw new ArticleFormatException(Kind.MISSING_FROM_BUNDLE);
                }
                byte[] bytes = files.get(file);
                if (bytes == null) {
                    continue; // already reported
                }
                if (!ContentHash.sha256(bytes).equals(n.path("sha256").asText())) {
                    throw new ArticleFormatException(Kind.HASH_MISMATCH);
                }
                ArticleStatus status;
                try {
                    status = ArticleStatus.valueOf(n.path("status").asText());
                } catch (IllegalArgumentException e) {
                    throw new ArticleFormatException(Kind.UNKNOWN_MANIFEST_STATUS, n.path("status").asText());
                }
                Article a = ArticleFile.parse(TextFiles.decode(bytes), status, now, author);
                if (!a.id().equals(n.path("id").asText())) {
                    throw new ArticleFormatException(Kind.ID_DIFFERS, a.id(), n.path("id").asText());
                }
                if (!ids.add(a.id())) {
                    throw new ArticleFormatException(Kind.DUPLICATE_ID, a.id());
                }
                List<String> history = new ArrayList<>();
                n.path("history").forEach(h -> history.add(h.asText()));
                articles.add(new Incoming(file, a, true, history));
            } catch (ArticleFormatException e) {
                problems.add(new ImportProblem(file, e.problem()));
            }
        }
        files.keySet().stream().filter(f -> !listed.contains(f)).sorted()
                .forEach(f -> problems.add(new ImportProblem(f, Kind.NOT_IN_MANIFEST)));
        return new ImportSource(name, articles, problems);
    }

    private static ImportSource refused(String name, Kind kind, Object... args) {
        return new ImportSource(name, List.of(), List.of(new ImportProblem(name, kind, args)));
    }
}
