package app.tandem.eval.fuzz;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleFile;
import app.tandem.kb.ArticleStatus;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** {@link ArticleFile#parse}: the Markdown-with-front-matter reader every way into the knowledge base goes through. */
final class ArticleFileTarget implements FuzzTarget {

    private final CaseMaker cases = new CaseMaker(name(), List.of(
            new Probe("20,000 nested >", () -> FuzzInput.file("quotes.md", Probes.article("quotes-en", Probes.NESTED_QUOTES))),
            new Probe("5,000 nested list markers", () -> FuzzInput.file("lists.md", Probes.article("lists-en", Probes.NESTED_LISTS))),
            new Probe("20,000 nested *", () -> FuzzInput.file("emphasis.md", Probes.article("emphasis-en", Probes.NESTED_EMPHASIS))),
            new Probe("title of 100,000 characters", () -> FuzzInput.file("title.md",
                    "---\nid: long-title-en\ntitle: " + "t".repeat(100_000) + "\nlanguage: en\n---\nBody.\n"))),
            r -> FuzzInput.file("article.md", MarkdownGrammar.article(r)),
            r -> CaseMaker.mutated(Seeds.articles(), r, "article.md"));

    @Override
    public String name() {
        return "article-file";
    }

    @Override
    public FuzzCase generate(int number, Random random) {
        return cases.make(number, random);
    }

    @Override
    public Outcome run(FuzzInput input) {
        // The reader takes text: a file's bytes reach it decoded (strictly, by the import; here leniently, as a
        // caller that decoded with replacement characters would hand it over).
        Article a = ArticleFile.parse(input.first().text(), ArticleStatus.DRAFT, Instant.EPOCH, "fuzz");
        String again = ArticleFile.format(a);
        Article reread = ArticleFile.parse(again, ArticleStatus.DRAFT, Instant.EPOCH, "fuzz");
        // Whatever is read must export and read back (titles may change: format writes a double quote as a single one).
        if (!reread.id().equals(a.id()) || !reread.language().equals(a.language()) || !reread.body().equals(a.body())) {
            return Outcome.failed("the article does not read back from its own file text: " + a.id());
        }
        return Outcome.accepted(a.id());
    }
}
