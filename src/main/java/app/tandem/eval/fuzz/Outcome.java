package app.tandem.eval.fuzz;

/** The verdict on one case and what it rests on: the answer, the refusal's sentence, or what went wrong. */
public record Outcome(Verdict verdict, String detail) {

    public static Outcome accepted(String detail) {
        return new Outcome(Verdict.ACCEPTED, detail);
    }

    public static Outcome refused(String sentence) {
        return new Outcome(Verdict.REFUSED, sentence);
    }

    public static Outcome failed(String why) {
        return new Outcome(Verdict.FAILED, why);
    }
}
