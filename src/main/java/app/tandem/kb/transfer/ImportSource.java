package app.tandem.kb.transfer;

import java.util.List;

/** What an import file or folder held: the articles that read, and the problems with the rest. */
public record ImportSource(String name, List<Incoming> articles, List<ImportProblem> problems) {

    public ImportSource {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }
}
