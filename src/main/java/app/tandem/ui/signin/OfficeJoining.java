package app.tandem.ui.signin;

/** Joining an office from the sign-in screen: this data folder becomes a seat of an office server. */
public interface OfficeJoining {

    /** A desk that is a seat already, or cannot join from the screen (tests, a seat for one run). */
    OfficeJoining NONE = new OfficeJoining() {
        @Override
        public boolean offered() {
            return false;
        }

        @Override
        public boolean newFolder() {
            return false;
        }

        @Override
        public String join(String server, String key) {
            throw new IllegalStateException("joining an office is not offered here");
        }
    };

    /** True on a solo desk: it may join an office. */
    boolean offered();

    /** True when this solo data folder was created by this start: nothing of its own is there yet. */
    boolean newFolder();

    /**
     * Checks that the office server answers, takes the key and runs this Tandem's version, then keeps it in the
     * data folder; returns where the seat connects. Blocks (network): call it off the FX thread. Refusals are
     * {@code JoinRefusedException}s; nothing is kept then.
     */
    String join(String server, String key);
}
