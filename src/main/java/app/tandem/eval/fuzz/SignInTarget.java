package app.tandem.eval.fuzz;

import app.tandem.security.SignInResult;
import java.util.List;
import java.util.Random;

/** The sign-in form: a name and a password as typed or pasted, checked by the real accounts and audit log. */
final class SignInTarget extends DeskTarget {

    private final CaseMaker cases = new CaseMaker(name(), List.of(
            new Probe("sign-in name of 65 characters", () -> FuzzInput.fields("name", "n".repeat(65), "password", "x")),
            new Probe("sign-in name of 100,000 characters", () -> FuzzInput.fields("name", "n".repeat(100_000), "password", "x")),
            new Probe("password of 1,000,000 characters", () -> FuzzInput.fields("name", "admin", "password", "p".repeat(1_000_000)))),
            SignInTarget::grammar, r -> {
                CaseMaker.Mutation m = CaseMaker.mutated(List.of("admin".getBytes(java.nio.charset.StandardCharsets.UTF_8)), r, "name");
                return new CaseMaker.Mutation(m.operation(), new FuzzInput(List.of(m.input().first(),
                        new FuzzInput.Part("password", Noise.sentence(r, 2).getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
            });

    SignInTarget(ScratchDesk desks) {
        super(desks);
    }

    @Override
    public String name() {
        return "sign-in";
    }

    @Override
    public FuzzCase generate(int number, Random random) {
        return cases.make(number, random);
    }

    private static FuzzInput grammar(Random r) {
        String name = switch (r.nextInt(6)) {
            case 0 -> Noise.pick(r, List.of("admin", "ADMIN ", " sue", "alex"));
            case 1 -> Noise.repeat("n", 60 + r.nextInt(10));
            case 2 -> Noise.cjk(r, 1 + r.nextInt(80));
            default -> Noise.sentence(r, 1 + r.nextInt(3));
        };
        return FuzzInput.fields("name", name, "password", Noise.sentence(r, Noise.size(r, 3)));
    }

    @Override
    public Outcome run(FuzzInput input) {
        SignInResult result = desk().desk().accounts().signIn(input.field("name").orElse(""),
                input.field("password").orElse("").toCharArray());
        return Outcome.accepted(result.getClass().getSimpleName());
    }
}
