package app.tandem.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code manifest.json}, a backup's last entry: which format, when, by which Tandem, the database's schema version
 * and rows per table (as the copy held them), and the SHA-256 of every other entry. A backup is whole only if each
 * entry matches and each table still holds its rows.
 */
public record BackupManifest(int formatVersion, Instant createdAt, String tandemVersion, String schemaVersion,
                             SortedMap<String, Long> rowCounts, SortedMap<String, String> sha256) {

    static final String ENTRY = "manifest.json";
    static final String FORMAT = "tandem-backup";
    /** The newest format this Tandem writes and reads; a backup of a later one is refused by name. */
    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BackupManifest {
        rowCounts = new TreeMap<>(rowCounts);
        sha256 = new TreeMap<>(sha256);
    }

    public long rows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", formatVersion);
        root.put("createdAt", createdAt.toString());
        root.put("tandemVersion", tandemVersion);
        root.put("schemaVersion", schemaVersion);
        ObjectNode rows = root.putObject("rowCounts");
        rowCounts.forEach(rows::put);
        ObjectNode entries = root.putObject("sha256");
        sha256.forEach(entries::put);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("A manifest always serialises", e);
        }
    }

    /** The manifest in {@code json}, or empty when it is not a Tandem backup's; a newer format is refused by name. */
    static Optional<BackupManifest> parse(byte[] json, String backupName) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("formatVersion").canConvertToInt()) {
            return Optional.empty();
        }
        int version = root.path("formatVersion").asInt();
        if (version > FORMAT_VERSION) {
            throw new BackupRefusedException(BackupRefusedException.Reason.NEWER_FORMAT, backupName,
                    String.valueOf(version), String.valueOf(FORMAT_VERSION));
        }
        try {
            return Optional.of(new BackupManifest(version, Instant.parse(root.path("createdAt").asText()),
                    root.path("tandemVersion").asText(""), root.path("schemaVersion").asText(""),
                    longs(root.path("rowCounts")), texts(root.path("sha256"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static SortedMap<String, Long> longs(JsonNode node) {
        SortedMap<String, Long> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToLong()) {
                throw new IllegalArgumentException("not a row count: " + e.getKey());
            }
            map.put(e.getKey(), e.getValue().asLong());
        }
        return map;
    }

    private static SortedMap<String, String> texts(JsonNode node) {
        SortedMap<String, String> map = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().asText());
        }
        return map;
    }
}
