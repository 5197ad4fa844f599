package app.tandem.kb.transfer;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Issue 16's measurement of what an import costs at the worst size the limits allow: run with -Xmx512m,
 * {@code java -Xmx512m -cp target/classes:target/test-classes:$(cat cp.txt) app.tandem.kb.transfer.ImportHeapProbe csv|json ROW_BYTES}
 * or {@code ... ImportHeapProbe bomb ENTRIES BYTES_EACH [CLAIMED_SIZE]} for a zip bomb ({@link ZipBomb}).
 * Prints the file's size, the articles read, the problems, the time and the peak heap the read reached.
 */
public final class ImportHeapProbe {

    public static void main(String[] args) throws IOException {
        String kind = args[0];
        Path dir = Files.createTempDirectory("import-probe");
        Path file;
        if (kind.equals("bomb")) {
            int entries = Integer.parseInt(args[1]);
            int bytesEach = Integer.parseInt(args[2]);
            file = ZipBomb.write(dir.resolve("bomb.zip"), entries, bytesEach, args.length > 3 ? Long.parseLong(args[3]) : bytesEach);
        } else {
            int rowBytes = Integer.parseInt(args[1]);
            long fileBytes = args.length > 2 ? Long.parseLong(args[2]) : ImportFiles.MAX_TABLE_BYTES - 4096;
            file = dir.resolve("probe." + kind);
            write(file, kind, rowBytes, fileBytes);
        }
        System.gc();
        long before = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        ImportSource source = ImportFiles.read(file, Instant.EPOCH, "probe");
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long retained = heapUsed();
        System.out.printf("%s: file %.1f MB, %d articles, %d problems%s, %d ms, heap before %d MB, peak %d MB (pools summed),"
                        + " %d MB held by the result%n",
                kind, Files.size(file) / 1048576.0, source.articles().size(), source.problems().size(),
                source.problems().isEmpty() ? "" : " (" + source.problems().get(0).where() + ": " + source.problems().get(0).reason() + ")",
                millis, before >> 20, peak >> 20, (retained - before) >> 20);
        Files.delete(file);
        java.lang.ref.Reference.reachabilityFence(source);
        Files.delete(dir);
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void write(Path file, String kind, int rowBytes, long fileBytes) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            String filler = "Your card arrives within five working days of the request. ".repeat(rowBytes / 60 + 1)
                    .substring(0, Math.max(1, rowBytes - 40));
            if (kind.equals("csv")) {
                out.write("question,answer,tags\n");
            } else {
                out.write("[\n");
            }
            for (int i = 0; written < fileBytes - rowBytes - 10; i++) {
                String row = kind.equals("csv")
                        ? "When does card " + i + " arrive?," + filler + ",cards\n"
                        : (i == 0 ? "" : ",\n") + "{\"title\":\"When does card " + i + " arrive?\",\"body\":\"" + filler + "\"}";
                out.write(row);
                written += row.length();
            }
            out.write(kind.equals("csv") ? "" : "\n]\n");
        }
    }
}
