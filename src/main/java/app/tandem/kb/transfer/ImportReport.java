package app.tandem.kb.transfer;

import java.util.List;

/**
 * What an import would do, article by article, before anything is written. It is refused as a
 * whole when any file has a problem.
 */
public record ImportReport(String source, List<Entry> entries, List<ImportProblem> problems) {

    /** What happens to one incoming article. */
    public enum Kind {
        /** No article with this id here: it is added. */
        NEW,
        /** Ours is an earlier version of theirs (bundle history): theirs replaces it, nothing local is lost. */
        UPDATED,
        /** Same id, different text, and ours is not an earlier version of theirs: applied only when the person chooses. */
        CONFLICT,
        /** The same text is here already. */
        UNCHANGED,
        /** Theirs is an earlier version of ours: skipped. */
        OLDER
    }

    public record Entry(String file, String articleId, String title, Kind kind, int ourVersion) {}

    public ImportReport {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    public boolean refused() {
        return !problems.isEmpty();
    }

    public long count(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).count();
    }

    /** A few lines for the command line and the import dialog. */
    public String summary() {
        if (refused()) {
            return "Import refused: " + problems.size() + " file(s) cannot be read; nothing was changed.";
        }
        return count(Kind.NEW) + " new, " + count(Kind.UPDATED) + " updated, " + count(Kind.CONFLICT) + " conflicting, "
                + count(Kind.UNCHANGED) + " unchanged, " + count(Kind.OLDER) + " older than ours";
    }
}
