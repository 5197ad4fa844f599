package app.tandem.eval.fuzz;

import java.util.function.Supplier;

/** A fixed case with a name, run first by its target in every run (issue 16's probes among them). */
record Probe(String name, Supplier<FuzzInput> input, FuzzCase.Limits limits) {

    Probe(String name, Supplier<FuzzInput> input) {
        this(name, input, FuzzCase.Limits.CASE);
    }
}
