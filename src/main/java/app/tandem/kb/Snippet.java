package app.tandem.kb;

import java.util.List;
import java.util.stream.Collectors;

/** A passage's text cut into runs, the ones that matched the query marked for highlighting. */
public record Snippet(List<Run> runs) {

    public Snippet {
        runs = List.copyOf(runs);
    }

    public record Run(String text, boolean matched) {}

    public static Snippet plain(String text) {
        return new Snippet(List.of(new Run(text, false)));
    }

    public String text() {
        return runs.stream().map(Run::text).collect(Collectors.joining());
    }

    public List<String> matchedWords() {
        return runs.stream().filter(Run::matched).map(Run::text).toList();
    }
}
