package app.tandem.eval.fuzz;

/**
 * A target whose entry point works on Tandem's store: it runs each case on the run's shared Tandem and, after a
 * case left running, has the next case start on a fresh one.
 */
abstract class DeskTarget implements FuzzTarget {

    private final ScratchDesk desks;
    private volatile ScratchDesk.Instance lastUsed;

    DeskTarget(ScratchDesk desks) {
        this.desks = desks;
    }

    /** The Tandem this case runs on; the case keeps it even when the next case gets a fresh one. */
    ScratchDesk.Instance desk() {
        ScratchDesk.Instance d = desks.current();
        lastUsed = d;
        return d;
    }

    @Override
    public void prepare() {
        desks.current();
    }

    @Override
    public void recover() {
        ScratchDesk.Instance stuck = lastUsed;
        if (stuck != null) {
            desks.replace(stuck);
        }
    }
}
