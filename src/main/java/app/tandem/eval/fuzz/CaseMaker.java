package app.tandem.eval.fuzz;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * How a target makes case {@code n}: its probes first, in order, so a short run has them all; then, half
 * and half, a case from the format's grammar or a real file mutated.
 */
final class CaseMaker {

    private final String target;
    private final List<Probe> probes;
    private final Function<Random, FuzzInput> grammar;
    private final Function<Random, Mutation> mutation;

    /** A mutated input and the name of the mutation. */
    record Mutation(String operation, FuzzInput input) {}

    CaseMaker(String target, List<Probe> probes, Function<Random, FuzzInput> grammar, Function<Random, Mutation> mutation) {
        this.target = target;
        this.probes = List.copyOf(probes);
        this.grammar = grammar;
        this.mutation = mutation;
    }

    FuzzCase make(int number, Random random) {
        if (number < probes.size()) {
            Probe p = probes.get(number);
            return new FuzzCase(target, number, "probe: " + p.name(), p.input().get(), p.limits());
        }
        if (random.nextBoolean()) {
            return new FuzzCase(target, number, "grammar", grammar.apply(random), FuzzCase.Limits.CASE);
        }
        Mutation m = mutation.apply(random);
        return new FuzzCase(target, number, "mutation: " + m.operation(), m.input(), FuzzCase.Limits.CASE);
    }

    /** A real file from {@code seeds}, mutated once, or now and then two to four times over. */
    static Mutation mutated(List<byte[]> seeds, Random r, String name) {
        byte[] bytes = seeds.get(r.nextInt(seeds.size()));
        StringBuilder ops = new StringBuilder();
        int rounds = r.nextInt(4) == 0 ? 2 + r.nextInt(3) : 1;
        for (int i = 0; i < rounds && bytes.length <= Mutator.MAX_BYTES; i++) {
            Mutator.Mutant m = Mutator.mutate(bytes, r);
            bytes = m.bytes();
            ops.append(i == 0 ? "" : ", ").append(m.operation());
        }
        return new Mutation(ops.toString(), FuzzInput.file(name, bytes));
    }
}
