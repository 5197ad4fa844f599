package app.tandem.kb.gaps;

import java.util.List;

/** The gaps found, and how they were grouped: by meaning (models loaded) or by shared words. */
public record GapReport(List<QuestionCluster> clusters, Grouping grouping, int questions) {

    public enum Grouping { BY_MEANING, BY_WORDS }

    public GapReport {
        clusters = List.copyOf(clusters);
    }
}
