package app.tandem.eval.fuzz;

import app.tandem.kb.transfer.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Knowledge-base bundles (docs/kb-import-export.md) with random articles and manifests that are right, or
 * wrong in one of the ways a damaged or hand-made bundle is: wrong format or version, wrong types, missing
 * and unlisted files, wrong hashes, statuses and ids, and entries named to climb out of the folder, named
 * twice, nested zips, and local headers that lie about sizes.
 */
final class BundleGrammar {

    private BundleGrammar() {}

    static byte[] bundle(Random r) {
        List<ZipBytes.Entry> entries = new ArrayList<>();
        StringBuilder articles = new StringBuilder();
        int n = Noise.size(r, 4);
        long size = 0;
        for (int i = 0; i < n && size < Noise.MAX_CHARS; i++) {
            String text = MarkdownGrammar.article(r);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            size += bytes.length;
            String id = idOf(text);
            String name = id + "-" + i;
            String file = r.nextInt(15) == 0 ? Noise.pick(r, List.of("../../" + name + ".md", "/abs/" + name + ".md",
                    "articles\\en\\" + name + ".md", "articles/en/../../" + name + ".md", "articles/en/" + name + ".MD"))
                    : "articles/" + (text.contains("language: zh") ? "zh" : "en") + "/" + name + ".md";
            if (r.nextInt(20) != 0) {
                entries.add(new ZipBytes.Entry(file, bytes, r.nextInt(4) == 0));
            }
            if (i > 0) {
                articles.append(",\n");
            }
            articles.append(manifestEntry(r, id, file, bytes));
        }
        if (r.nextInt(12) == 0) {
            entries.add(new ZipBytes.Entry("articles/en/stray.md", MarkdownGrammar.article(r).getBytes(StandardCharsets.UTF_8), false));
        }
        if (r.nextInt(12) == 0) {
            entries.add(new ZipBytes.Entry("articles/en/inner.zip", ZipBytes.write(List.of(
                    new ZipBytes.Entry("manifest.json", "{}".getBytes(StandardCharsets.UTF_8), false))), false));
        }
        if (r.nextInt(15) == 0) {
            entries.add(new ZipBytes.Entry("articles/", new byte[0], false));
        }
        if (r.nextInt(25) != 0) {
            entries.add(new ZipBytes.Entry("manifest.json", manifest(r, articles.toString()).getBytes(StandardCharsets.UTF_8),
                    r.nextInt(4) == 0));
        }
        if (r.nextInt(10) == 0 && !entries.isEmpty()) {
            // Two entries with one name: ZipOutputStream refuses it, so write a twin and rename it afterwards.
            ZipBytes.Entry first = entries.get(r.nextInt(entries.size()));
            String twin = first.name().isEmpty() ? "x" : "~" + first.name().substring(1);
            entries.add(new ZipBytes.Entry(twin, MarkdownGrammar.article(r).getBytes(StandardCharsets.UTF_8), false));
            byte[] zip = ZipBytes.write(entries);
            return ZipBytes.rename(zip, twin, first.name());
        }
        byte[] zip = ZipBytes.write(entries);
        return r.nextInt(12) == 0 ? ZipBytes.lieAboutSizes(zip, r) : zip;
    }

    private static String idOf(String articleText) {
        int at = articleText.indexOf("id: ");
        if (at < 0) {
            return "no-id";
        }
        int end = articleText.indexOf('\n', at);
        String id = articleText.substring(at + 4, end < 0 ? articleText.length() : end).replace("\"", "").replace("'", "").strip();
        String cut = id.length() > 100 ? id.substring(0, 100) : id;
        // A zip entry's name must be encodable: a lone surrogate from the noise becomes '?', as in any file name.
        return new String(cut.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String manifestEntry(Random r, String id, String file, byte[] bytes) {
        String sha = r.nextInt(15) == 0 ? ContentHash.sha256(new byte[] {1}) : ContentHash.sha256(bytes);
        String status = r.nextInt(12) == 0 ? Noise.pick(r, List.of("published", "GONE", "", "null"))
                : Noise.pick(r, List.of("DRAFT", "IN_REVIEW", "PUBLISHED", "ARCHIVED"));
        StringBuilder s = new StringBuilder("{");
        s.append("\"id\": \"").append(r.nextInt(15) == 0 ? "other-en" : json(id)).append("\", ");
        s.append("\"file\": ").append(r.nextInt(20) == 0 ? "42" : "\"" + json(file) + "\"").append(", ");
        s.append("\"version\": ").append(r.nextInt(15) == 0 ? "\"one\"" : String.valueOf(1 + r.nextInt(5))).append(", ");
        s.append("\"status\": \"").append(status).append("\", ");
        s.append("\"sha256\": ").append(r.nextInt(25) == 0 ? "null" : "\"" + sha + "\"").append(", ");
        s.append("\"history\": ").append(r.nextInt(10) == 0 ? Noise.pick(r, List.of("\"abc\"", "{}", "[1, 2]", "null"))
                : "[\"" + ContentHash.sha256(new byte[] {(byte) r.nextInt()}) + "\"]");
        return s.append('}').toString();
    }

    private static String manifest(Random r, String articles) {
        String format = r.nextInt(20) == 0 ? Noise.pick(r, List.of("other-format", "", "TANDEM-KB-BUNDLE")) : "tandem-kb-bundle";
        String version = r.nextInt(20) == 0 ? Noise.pick(r, List.of("2", "\"1\"", "-1", "1.9", "99999999999999999999")) : "1";
        String list = r.nextInt(25) == 0 ? Noise.pick(r, List.of("{}", "null", "\"all\"")) : "[" + articles + "]";
        String text = "{\"format\": \"" + format + "\", \"formatVersion\": " + version + ", \"exportedAt\": \"2025-01-01T00:00:00Z\", "
                + "\"exportedBy\": \"fuzz\", \"articleCount\": " + r.nextInt(1000) + ", \"articles\": " + list + "}";
        return switch (r.nextInt(30)) {
            case 0 -> "\uFEFF" + text;
            case 1 -> text.substring(0, text.length() / 2);
            case 2 -> "";
            default -> text;
        };
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }
}
