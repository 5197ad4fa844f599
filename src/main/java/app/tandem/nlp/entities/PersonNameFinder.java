package app.tandem.nlp.entities;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People's names. Chinese: HanLP's name recogniser (portable, dictionaries inside its jar), kept
 * only when the name starts with a common surname, plus 我叫… and 王先生/李女士 forms. English: a
 * title and a capitalised word ({@code Mr Smith}, {@code Dr. Anna Lee}), {@code my name is …}, or a
 * first name from a short list followed by a capitalised surname ({@code Emma Clarke}).
 */
final class PersonNameFinder implements EntityFinder {

    private static final Logger log = LoggerFactory.getLogger(PersonNameFinder.class);

    private static final String CAP = "[A-Z][a-z]+(?:[-'][A-Z][a-z]+)?";
    private static final Pattern TITLED = Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Madam)\\.? (" + CAP + "(?: " + CAP + ")?)");
    private static final Pattern MY_NAME = Pattern.compile("(?i:my name is|my name's|this is|i am called|account holder is) (" + CAP + "(?: " + CAP + ")?)");
    private static final Set<String> FIRST_NAMES = Set.of("James", "John", "Robert", "Michael", "David", "William",
            "Richard", "Thomas", "Daniel", "Paul", "Mark", "Peter", "George", "Oliver", "Harry", "Jack", "Charlie",
            "Mary", "Sarah", "Emma", "Olivia", "Sophie", "Emily", "Jessica", "Hannah", "Laura", "Anna", "Lucy",
            "Grace", "Amelia", "Charlotte", "Rachel", "Helen", "Claire", "Kate", "Priya", "Mohammed", "Ahmed", "Wei",
            "Li", "Chen", "Ravi", "Fatima", "Aisha");
    private static final Pattern FIRST_LAST = Pattern.compile("\\b(" + CAP + ") (" + CAP + ")\\b");
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧";
    private static final Pattern ZH_TITLED = Pattern.compile("([" + SURNAMES + "](?:\\p{IsHan})?)(?:先生|女士|小姐|老师|经理)");
    private static final Pattern ZH_CALLED = Pattern.compile("(?:我叫|我是|我的名字是|名字叫|户名是?)([" + SURNAMES + "]\\p{IsHan}{1,2})");

    private volatile Segment segment;

    @Override
    public List<Entity> find(String text, LocalDate today) {
        List<Entity> out = new ArrayList<>();
        group(out, TITLED.matcher(text), 0);
        group(out, MY_NAME.matcher(text), 1);
        Matcher fl = FIRST_LAST.matcher(text);
        while (fl.find()) {
            if (FIRST_NAMES.contains(fl.group(1))) {
                add(out, new Entity(EntityType.PERSON, fl.group(), fl.start(), fl.end(), fl.group()));
            }
        }
        if (hasHan(text)) {
            group(out, ZH_CALLED.matcher(text), 1);
            group(out, ZH_TITLED.matcher(text), 0);
            chineseNames(text, out);
        }
        return out;
    }

    private void chineseNames(String text, List<Entity> out) {
        try {
            for (Term term : segment().seg(text)) {
                String word = term.word;
                if (term.nature != null && term.nature.startsWith("nr") && word.length() >= 2 && word.length() <= 4
                        && SURNAMES.indexOf(word.charAt(0)) >= 0 && word.codePoints().allMatch(PersonNameFinder::isHan)) {
                    add(out, new Entity(EntityType.PERSON, word, term.offset, term.offset + word.length(), word));
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // The regular expressions above still find 我叫… and 王先生; the recogniser is a bonus.
            log.warn("Chinese name recognition unavailable: {}", e.toString());
        }
    }

    private Segment segment() {
        Segment s = segment;
        if (s == null) {
            synchronized (this) {
                if (segment == null) {
                    segment = HanLP.newSegment().enableNameRecognize(true).enableOffset(true);
                }
                s = segment;
            }
        }
        return s;
    }

    private static void group(List<Entity> out, Matcher m, int group) {
        while (m.find()) {
            String name = m.group(1);
            int start = group == 0 ? m.start() : m.start(1);
            int end = group == 0 ? m.end() : m.end(1);
            add(out, new Entity(EntityType.PERSON, text(m, group), start, end, name));
        }
    }

    private static String text(Matcher m, int group) {
        return group == 0 ? m.group() : m.group(group);
    }

    private static void add(List<Entity> out, Entity e) {
        if (out.stream().noneMatch(e::overlaps)) {
            out.add(e);
        }
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(PersonNameFinder::isHan);
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
