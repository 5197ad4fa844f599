package app.tandem.eval.fuzz;

import java.util.Random;

/**
 * One of Tandem's entry points for outside input, driven exactly as the product drives it. A target makes
 * its own cases (so each format gets inputs shaped like it) and judges what its entry point did with one.
 * Opened before its first case and closed after its last, so a store is set up once per target, not per case.
 */
public interface FuzzTarget extends AutoCloseable {

    String name();

    /** False for an entry point that has nothing to refuse (a search answers every query). */
    default boolean refuses() {
        return true;
    }

    /** Case {@code number}, made from {@code random} alone (seeded from the run's seed and the number). */
    FuzzCase generate(int number, Random random);

    /**
     * Runs one case on the caller's thread. A refusal the product meant may be thrown; the harness judges it.
     * Anything the target itself must check (a refused import that changed the store) comes back as FAILED.
     */
    Outcome run(FuzzInput input) throws Exception;

    /** Called before each case, outside its time: a target with a store starts Tandem here when it has none. */
    default void prepare() {}

    /**
     * Called after a case ran past its limit and was left running: a target with a store starts the next case
     * on a fresh one, so that what the stuck case still writes is not blamed on the cases after it.
     */
    default void recover() {}

    @Override
    default void close() {}
}
