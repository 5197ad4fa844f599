package app.tandem.eval.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Damages a real file one way at a time: flipped bytes, a cut, a span repeated thousands of times, deep
 * nesting put in, invalid UTF-8, NUL, a BOM, other line ends, a huge line, CJK, emoji or right-to-left text.
 * Each mutation says its name, so a failure says how its input was made.
 */
final class Mutator {

    /** A mutated file and the name of what was done to it. */
    record Mutant(String operation, byte[] bytes) {}

    /** No mutation grows a file past this: a few MB is what a person might pick, and the heap is 512 MB. */
    static final int MAX_BYTES = 3 * 1024 * 1024;

    private static final List<String> NESTINGS = List.of(">", "- ", "*", "[", "_", "1. ", "  ", "{\"a\":", "[[", "\"", "`");
    private static final byte[][] INVALID_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xC0, (byte) 0x80}};

    private Mutator() {}

    static Mutant mutate(byte[] seed, Random r) {
        byte[] b = seed.length == 0 ? new byte[] {'x'} : seed;
        int at = r.nextInt(b.length + 1);
        return switch (r.nextInt(14)) {
            case 0 -> new Mutant("flip bytes", flip(b, r));
            case 1 -> new Mutant("truncate", java.util.Arrays.copyOf(b, r.nextInt(b.length)));
            case 2 -> duplicate(b, r);
            case 3 -> {
                String unit = Noise.pick(r, NESTINGS);
                int times = r.nextInt(3) == 0 ? 5_000 + r.nextInt(20_000) : 50 + r.nextInt(200);
                yield new Mutant("nest " + times + " x '" + unit.strip() + "'", insert(b, at, utf8(unit.repeat(times))));
            }
            case 4 -> new Mutant("invalid UTF-8", insert(b, at, INVALID_UTF8[r.nextInt(INVALID_UTF8.length)]));
            case 5 -> new Mutant("NUL", insert(b, at, new byte[] {0}));
            case 6 -> new Mutant("BOM", insert(b, r.nextBoolean() ? 0 : at, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
            case 7 -> new Mutant("CRLF", utf8(new String(b, StandardCharsets.UTF_8).replace("\n", "\r\n")));
            case 8 -> new Mutant("CR", utf8(new String(b, StandardCharsets.UTF_8).replace("\n", "\r")));
            case 9 -> {
                int length = r.nextInt(4) == 0 ? 1_000_000 + r.nextInt(300_000) : 10_000 + r.nextInt(100_000);
                yield new Mutant("huge line of " + length, insert(b, at, utf8(Noise.repeat("x", length))));
            }
            case 10 -> new Mutant("CJK", insert(b, at, utf8(Noise.cjk(r, 1 + r.nextInt(500)))));
            case 11 -> new Mutant("emoji and RTL", insert(b, at, utf8(Noise.repeat(Noise.odd(r) + "\uD83D\uDE00\u202E\u05E9",
                    1 + r.nextInt(300)))));
            case 12 -> new Mutant("delete span", delete(b, r));
            default -> new Mutant("insert words", insert(b, at, utf8(Noise.sentence(r, 1 + r.nextInt(40)))));
        };
    }

    private static byte[] flip(byte[] b, Random r) {
        byte[] out = b.clone();
        int flips = 1 + r.nextInt(Math.max(1, Math.min(50, out.length / 20)));
        for (int i = 0; i < flips; i++) {
            out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return out;
    }

    private static Mutant duplicate(byte[] b, Random r) {
        int from = r.nextInt(b.length);
        int length = 1 + r.nextInt(Math.min(b.length - from, 200));
        int times = Math.min(r.nextInt(3) == 0 ? 10_000 + r.nextInt(90_000) : 2 + r.nextInt(2_000), MAX_BYTES / length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + length * times);
        out.write(b, 0, from + length);
        for (int i = 0; i < times; i++) {
            out.write(b, from, length);
        }
        out.write(b, from + length, b.length - from - length);
        return new Mutant("span of " + length + " bytes " + times + " times", out.toByteArray());
    }

    private static byte[] delete(byte[] b, Random r) {
        int from = r.nextInt(b.length);
        int length = r.nextInt(b.length - from + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, from);
        out.write(b, from + length, b.length - from - length);
        return out.toByteArray();
    }

    static byte[] insert(byte[] b, int at, byte[] what) {
        int cut = Math.min(at, b.length);
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, cut);
        System.arraycopy(what, 0, out, cut, what.length);
        System.arraycopy(b, cut, out, cut + what.length, b.length - cut);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
