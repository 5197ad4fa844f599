package app.tandem.eval;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A question-and-answer FAQ ({@code Question,Answer,Class} CSV) as a retrieval test: each distinct
 * answer becomes an article whose "intent" is its own id, and each question a query labelled with
 * the article that answers it. The articles live only in the evaluation's temporary index.
 */
public record FaqDataset(List<Article> articles, List<LabelledText> questions) {

    public static FaqDataset read(Path csv) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        Map<String, String> idByAnswer = new LinkedHashMap<>();
        List<Article> articles = new ArrayList<>();
        List<LabelledText> questions = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser rows = format.parse(in)) {
            for (CSVRecord row : rows) {
                if (!row.isConsistent() || row.get("Question").isBlank() || row.get("Answer").isBlank()) {
                    continue;
                }
                String answer = row.get("Answer").strip();
                String id = idByAnswer.computeIfAbsent(answer, a -> {
                    String newId = "faq-" + (idByAnswer.size() + 1);
                    // The title is the answer's opening words: the question itself would give the answer away.
                    String title = a.split("\\s+").length > 8 ? String.join(" ", List.of(a.split("\\s+")).subList(0, 8)) : a;
                    articles.add(new Article(newId, title, "en", ArticleStatus.PUBLISHED, List.of(), List.of(newId),
                            Optional.empty(), a, 1, Instant.EPOCH, "eval"));
                    return newId;
                });
                questions.add(new LabelledText(row.get("Question").strip(), id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + csv, e);
        }
        return new FaqDataset(articles, questions);
    }
}
