package app.tandem.kb.curation;

import app.tandem.kb.Article;
import app.tandem.kb.ArticleFile;
import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;

/** Line diffs between article texts, front matter included so title and tag changes show too. */
public final class ArticleDiff {

    private ArticleDiff() {}

    public static List<DiffLine> between(Article older, Article newer) {
        return lines(ArticleFile.format(older), ArticleFile.format(newer));
    }

    /** Every line of both texts in order: unchanged, removed from {@code before}, added in {@code after}. */
    public static List<DiffLine> lines(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        List<DiffLine> out = new ArrayList<>();
        int pos = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int start = delta.getSource().getPosition();
            for (; pos < start; pos++) {
                out.add(new DiffLine(DiffLine.Kind.SAME, a.get(pos)));
            }
            delta.getSource().getLines().forEach(l -> out.add(new DiffLine(DiffLine.Kind.REMOVED, l)));
            delta.getTarget().getLines().forEach(l -> out.add(new DiffLine(DiffLine.Kind.ADDED, l)));
            pos = start + delta.getSource().size();
        }
        for (; pos < a.size(); pos++) {
            out.add(new DiffLine(DiffLine.Kind.SAME, a.get(pos)));
        }
        return out;
    }

    /** True when the diff has any change. */
    public static boolean changed(List<DiffLine> diff) {
        return diff.stream().anyMatch(l -> l.kind() != DiffLine.Kind.SAME);
    }
}
