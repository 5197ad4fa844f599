package app.tandem.eval.fuzz;

import app.tandem.channel.Transcript;
import app.tandem.channel.TranscriptLibrary;
import app.tandem.channel.TranscriptReplay;
import app.tandem.conversation.Author;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A transcript file the agent opens on the desk: read by {@link TranscriptLibrary#readFile} and played by the real
 * {@link TranscriptReplay} into the real conversations, much faster than live. A transcript that reads must play
 * to its end: a replay that stops part-way leaves the agent with half a customer and no word why.
 */
final class TranscriptTarget extends DeskTarget {

    /** Far faster than any desk plays, so a case of many turns ends within its limit. */
    static final double SPEED = 100_000;

    private final CaseMaker cases = new CaseMaker(name(), List.of(
            new Probe("customer id of 33 characters", () -> FuzzInput.file("long-id.txt", "# customer: " + "C".repeat(33)
                    + "\ncustomer: Hello\n")),
            new Probe("title of 257 characters", () -> FuzzInput.file("long-title.txt", "# title: " + "t".repeat(257)
                    + "\ncustomer: Hello\n")),
            new Probe("unknown # customer", () -> FuzzInput.file("unknown.txt", "# customer: C9999\ncustomer: Where is my card?\n")),
            new Probe("320 different Chinese characters in one turn", () -> FuzzInput.file("cjk.txt", "# language: zh\ncustomer: "
                    + Probes.CJK_320 + "\n")),
            new Probe("a turn of 10,001 characters", () -> FuzzInput.file("long-turn.txt", "customer: " + "a".repeat(10_001) + "\n")),
            new Probe("a delay of 10^20 seconds", () -> FuzzInput.file("delay.txt", "customer (+100000000000000000000s): Hello\n"))),
            TranscriptTarget::grammar, r -> CaseMaker.mutated(Seeds.transcripts(), r, "transcript.txt"));

    TranscriptTarget(ScratchDesk desks) {
        super(desks);
    }

    @Override
    public String name() {
        return "transcript";
    }

    @Override
    public FuzzCase generate(int number, Random random) {
        return cases.make(number, random);
    }

    private static FuzzInput grammar(Random r) {
        StringBuilder s = new StringBuilder();
        if (r.nextInt(3) != 0) {
            s.append("# title: ").append(MarkdownGrammar.title(r)).append('\n');
        }
        if (r.nextInt(3) == 0) {
            s.append("# customer: ").append(Noise.pick(r, List.of("C1001", "C1002", "C9999", "", "c1001", "C".repeat(40), "C1001 "
                    + Noise.odd(r)))).append('\n');
        }
        if (r.nextInt(3) == 0) {
            s.append(Noise.pick(r, List.of("# language: zh\n", "# language: xx\n", "# channel: phone\n", "# unknown: x\n",
                    "#title no colon\n", "# Title: Upper\n", "#\n")));
        }
        int turns = Noise.size(r, 6);
        for (int i = 0; i < turns; i++) {
            String who = r.nextInt(3) == 0 ? "agent" : "customer";
            String delay = switch (r.nextInt(10)) {
                case 0 -> " (+" + r.nextInt(30) + "." + r.nextInt(10) + "s)";
                case 1 -> Noise.pick(r, List.of(" (+1e3s)", " (+-1s)", " (+s)", "(+0s)", " (+99999999999s)", " (+3600s)"));
                default -> "";
            };
            String text = r.nextInt(20) == 0 ? "" : Noise.sentence(r, Noise.size(r, 15));
            if (r.nextInt(25) == 0) {
                s.append(Noise.pick(r, List.of("Customer: capital\n", "customer text without colon\n", "bot: hi\n", "   \n")));
            }
            s.append(r.nextInt(10) == 0 ? who.toUpperCase(java.util.Locale.ROOT) : who).append(delay).append(": ").append(text)
                    .append(Noise.pick(r, List.of("\n", "\n", "\r\n", "\r", "\u2028", "\u0085")));
        }
        return FuzzInput.file("transcript.txt", s.toString());
    }

    @Override
    public Outcome run(FuzzInput input) throws IOException, InterruptedException {
        ScratchDesk.Instance desk = desk();
        Path folder = desk.caseFolder();
        Path file = folder.resolve(input.first().name());
        Files.write(file, input.first().bytes());
        try {
            Transcript transcript = TranscriptLibrary.readFile(file);
            TranscriptReplay.Playback playback = desk.desk().replay().play(transcript, SPEED, false);
            try {
                while (!playback.finished()) {
                    Thread.sleep(2);
                }
            } finally {
                playback.cancel();
            }
            long expected = transcript.turns().stream().filter(t -> t.author() == Author.CUSTOMER).count();
            long played = desk.desk().conversations().messages(playback.conversation().id()).size();
            if (played != expected) {
                return Outcome.failed("the replay stopped after " + played + " of " + expected + " customer turns, without a word to the agent");
            }
            return Outcome.accepted(played + " turns played");
        } finally {
            ScratchDesk.delete(folder);
        }
    }
}
