package app.tandem.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path folder;

    @Test
    void readsQuotedCsvAndSkipsEmptyRows() throws IOException {
        Path file = folder.resolve("q.csv");
        Files.writeString(file, "text,category\n\"Hi, my card \"\"broke\"\"\",card_not_working\n,empty\nwhere is it?,card_arrival\n");
        List<LabelledText> rows = Datasets.readTextCategoryCsv(file);
        assertEquals(List.of(new LabelledText("Hi, my card \"broke\"", "card_not_working"),
                new LabelledText("where is it?", "card_arrival")), rows);
    }

    @Test
    void wrongHeaderIsExplained() throws IOException {
        Path file = folder.resolve("bad.csv");
        Files.writeString(file, "question,label\na,b\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Datasets.readTextCategoryCsv(file))
                .getMessage().contains("text,category"));
    }

    @Test
    void stratifiedSplitHoldsOutEachLabelAndIsRepeatable() {
        List<LabelledText> data = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            data.add(new LabelledText("a" + i, "A"));
        }
        for (int i = 0; i < 5; i++) {
            data.add(new LabelledText("b" + i, "B"));
        }
        Datasets.Split split = Datasets.stratified(data, 0.1, 7);
        assertEquals(4, split.held().stream().filter(r -> r.label().equals("A")).count());
        assertEquals(1, split.held().stream().filter(r -> r.label().equals("B")).count());
        assertEquals(45, split.train().size() + split.held().size());
        assertTrue(new HashSet<>(split.train()).stream().noneMatch(split.held()::contains));
        assertEquals(split, Datasets.stratified(data, 0.1, 7));
    }

    @Test
    void rankingMetrics() {
        RankingMetrics m = new RankingMetrics();
        m.add(1);
        m.add(3);
        m.add(0);
        m.add(2);
        assertEquals(0.25, m.top1());
        assertEquals(0.75, m.top3());
        assertEquals((1 + 1.0 / 3 + 0.5) / 4, m.mrr(), 1e-12);
    }
}
