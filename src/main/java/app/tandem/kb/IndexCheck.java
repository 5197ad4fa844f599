package app.tandem.kb;

import java.util.Optional;
import java.util.Set;

/**
 * What bringing the search index into agreement with the database did: nothing (it was up to date), a
 * catch-up of the articles changed since the change it reflected, or a rebuild, and why.
 *
 * @param articles  CAUGHT_UP: articles re-indexed; REBUILT: articles in the database
 * @param change    the database change the index reflects now
 * @param unindexed articles left out because they cannot be indexed (all of them, not only this time's)
 */
public record IndexCheck(Outcome outcome, Optional<Why> why, int articles, long change, Set<String> unindexed) {

    public enum Outcome { UP_TO_DATE, CAUGHT_UP, REBUILT }

    /** Why the index was rebuilt rather than caught up. */
    public enum Why {
        /** A new or damaged index, or one written before the index counted database changes. */
        NO_CHANGE_MARK("it did not say which database change it reflects"),
        /** The index reflects changes the database does not have: the database was restored or replaced. */
        AHEAD_OF_DATABASE("it reflects changes the database does not have (restored or replaced database)"),
        /** The sentence encoders in use are not the ones the index was encoded with. */
        OTHER_VECTOR_SPACE("it was encoded with other sentence encoders"),
        /** After the catch-up, some article's indexed version still differed from the database's. */
        OUT_OF_STEP("an article's indexed version differed from the database's");

        private final String english;

        Why(String english) {
            this.english = english;
        }

        public String english() {
            return english;
        }
    }

    public IndexCheck {
        unindexed = Set.copyOf(unindexed);
    }

    public boolean rebuilt() {
        return outcome == Outcome.REBUILT;
    }

    /** For the log and the command line. */
    public String english() {
        String left = unindexed.isEmpty() ? "" : "; " + unindexed.size() + " articles could not be indexed";
        return switch (outcome) {
            case UP_TO_DATE -> "up to date with database change " + change + left;
            case CAUGHT_UP -> "caught up " + articles + " changed articles to database change " + change + left;
            case REBUILT -> "rebuilt with " + articles + " articles at database change " + change + ", because "
                    + why.map(Why::english).orElse("") + left;
        };
    }

    @Override
    public String toString() {
        return english();
    }
}
