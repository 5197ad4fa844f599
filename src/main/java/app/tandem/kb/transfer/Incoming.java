package app.tandem.kb.transfer;

import app.tandem.kb.Article;
import java.util.List;

/**
 * An article read from an import file. {@code statusGiven}: the source says the status (bundles
 * do; Markdown, CSV and JSON without a status do not). {@code history}: content hashes of the
 * article's earlier versions at the exporting office, oldest first (bundles only).
 */
public record Incoming(String file, Article article, boolean statusGiven, List<String> history) {

    public Incoming {
        history = List.copyOf(history);
    }
}
