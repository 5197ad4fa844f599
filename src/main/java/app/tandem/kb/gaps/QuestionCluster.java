package app.tandem.kb.gaps;

import java.util.List;
import java.util.stream.Collectors;

/** Customer questions that ask the same thing, most frequent gaps first; the seed of a new article. */
public record QuestionCluster(String suggestedTitle, String language, List<CustomerQuestion> questions) {

    public QuestionCluster {
        questions = List.copyOf(questions);
    }

    public int size() {
        return questions.size();
    }

    /** The body a new draft starts from: the questions as a bulleted note for the writer. */
    public String draftBody() {
        String bullets = questions.stream().map(CustomerQuestion::text).map(t -> t.strip().replaceAll("\\s+", " "))
                .distinct().limit(20).map(t -> "- " + t).collect(Collectors.joining("\n"));
        String note = language.equals("zh") ? "> **客户问过**（" + size() + " 次，没有可信的建议）：\n"
                : "> **Customers asked** (" + size() + " times, no confident suggestion):\n";
        return note + bullets.lines().map(l -> "> " + l).collect(Collectors.joining("\n")) + "\n\n"
                + (language.equals("zh") ? "（在此写下答案，然后删除上面的提示。）" : "(Write the answer here, then delete the note above.)") + "\n";
    }
}
