package app.tandem.ml.bert;

import java.util.List;

/** Token ids of sentences to encode together, each already truncated and wrapped in [CLS] ... [SEP]. */
public record TokenBatch(List<long[]> ids) {

    public TokenBatch {
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one sentence");
        }
    }

    public int longest() {
        return ids.stream().mapToInt(a -> a.length).max().orElse(0);
    }
}
