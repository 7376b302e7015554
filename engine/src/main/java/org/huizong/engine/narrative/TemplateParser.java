package org.huizong.engine.narrative;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.narrative.Node.Figure;
import org.huizong.engine.narrative.Node.Group;
import org.huizong.engine.narrative.Node.Source;
import org.huizong.engine.narrative.Node.Term;
import org.huizong.engine.narrative.Node.Text;

/**
 * Reads the narrative template language ({@code docs/narrative-language.md}) into sections of
 * checked sentences. Every problem is reported with its 1-based line and column.
 */
final class TemplateParser {
    private final String sourceName;
    private final NarrativeVocabulary vocabulary;
    private final List<Section> sections = new ArrayList<>();

    /** The body of the section being read, its lines joined, with each character's place. */
    private final StringBuilder body = new StringBuilder();
    private final List<int[]> places = new ArrayList<>();
    private String title;
    private int[] titlePlace;

    private TemplateParser(String sourceName, NarrativeVocabulary vocabulary) {
        this.sourceName = sourceName;
        this.vocabulary = vocabulary;
    }

    static List<Section> parse(String text, String sourceName, NarrativeVocabulary vocabulary) {
        TemplateParser p = new TemplateParser(sourceName, vocabulary);
        p.readLines(text);
        return List.copyOf(p.sections);
    }

    private void readLines(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int n = 1; n <= lines.length; n++) {
            String line = lines[n - 1].stripTrailing();
            int start = 0;
            while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
                start++;
            }
            boolean heading = line.startsWith("##", start);
            if (start == line.length() || (!heading && line.charAt(start) == '#')) {
                continue; // blank or a comment
            }
            if (heading) {
                finishSection();
                startSection(line, n, start);
            } else if (title == null) {
                throw error(n, start + 1, "正文之前应先写段落标题行，如“## 教育体系持续完善。”");
            } else {
                for (int i = start; i < line.length(); i++) {
                    body.append(line.charAt(i));
                    places.add(new int[] {n, i + 1});
                }
            }
        }
        finishSection();
        if (sections.isEmpty()) {
            throw error(1, 1, "模板中没有任何段落；每段以标题行“## 标题。”开始");
        }
    }

    private void startSection(String line, int n, int start) {
        String t = line.substring(start + 2).strip();
        int column = line.indexOf(t, start + 2) + 1;
        if (t.isEmpty()) {
            throw error(n, start + 1, "标题行“##”后缺少标题");
        }
        if (t.startsWith("（") || t.startsWith("(")) {
            throw error(n, column, "标题“" + t + "”不用写序号，（一）（二）……在生成时按实际出现的段落编号");
        }
        for (int i = 0; i < t.length(); i++) {
            if ("{}[]".indexOf(t.charAt(i)) >= 0) {
                throw error(n, column + i, "标题中不能引用数字，请写在正文里");
            }
        }
        title = t;
        titlePlace = new int[] {n, start + 1};
    }

    private void finishSection() {
        if (title == null) {
            return;
        }
        List<Group> sentences = new SentenceReader().read();
        if (sentences.isEmpty()) {
            throw error(titlePlace[0], titlePlace[1], "段落“" + title + "”没有正文");
        }
        if (sentences.stream().noneMatch(Group::hasFigures)) {
            throw error(titlePlace[0], titlePlace[1], "段落“" + title
                    + "”中没有任何数字引用；没有数字的段落永远不会出现在报告中");
        }
        sections.add(new Section(title, sentences));
        body.setLength(0);
        places.clear();
        title = null;
    }

    private NarrativeTemplateException error(int line, int column, String problem) {
        return new NarrativeTemplateException(sourceName, line, column, problem);
    }

    private NarrativeTemplateException errorAt(int index, String problem) {
        int[] p = places.get(Math.min(index, places.size() - 1));
        return error(p[0], p[1], problem);
    }

    /** Splits one section's body into sentences at each full stop outside clauses. */
    private final class SentenceReader {
        private final List<Group> sentences = new ArrayList<>();
        private final Deque<Frame> open = new ArrayDeque<>();
        private final StringBuilder text = new StringBuilder();

        List<Group> read() {
            open.push(new Frame(-1));
            for (int i = 0; i < body.length(); i++) {
                i = step(i);
            }
            flush();
            if (open.size() > 1) {
                throw errorAt(open.peek().at, "“[”没有配对的“]”");
            }
            finishSentence();
            return sentences;
        }

        /** Reads the character at {@code i}; returns the index of the last character used. */
        private int step(int i) {
            char c = body.charAt(i);
            switch (c) {
                case '\\' -> {
                    if (i + 1 >= body.length()) {
                        throw errorAt(i, "“\\”后缺少要原样写出的字符");
                    }
                    text.append(body.charAt(i + 1));
                    return i + 1;
                }
                case '{' -> {
                    flush();
                    int close = closingBrace(i);
                    open.peek().children.add(new ReferenceReader(i, close).read());
                    return close;
                }
                case '}' -> throw errorAt(i, "多余的“}”；引用写成 {字段|单位}，原样写出“}”请用“\\}”");
                case '[' -> {
                    flush();
                    open.push(new Frame(i));
                }
                case ']' -> closeClause(i);
                case '。' -> {
                    text.append(c);
                    if (open.size() == 1) {
                        flush();
                        finishSentence();
                    }
                }
                case ',', ';' -> throw errorAt(i, "请用全角标点“" + (c == ',' ? '，' : '；')
                        + "”，不用半角“" + c + "”");
                default -> text.append(c);
            }
            return i;
        }

        private int closingBrace(int from) {
            for (int j = from + 1; j < body.length(); j++) {
                char c = body.charAt(j);
                if (c == '}') {
                    return j;
                }
                if (c == '{' || c == '[' || c == ']' || c == '。') {
                    break;
                }
            }
            throw errorAt(from, "“{”没有配对的“}”；引用写成 {字段|单位}");
        }

        private void closeClause(int i) {
            flush();
            if (open.size() == 1) {
                throw errorAt(i, "多余的“]”，前面没有配对的“[”");
            }
            Frame f = open.pop();
            Group g = Group.of(f.children);
            if (!g.hasFigures()) {
                throw errorAt(f.at, "可省略的分句“[…]”中没有数字引用，无法判断何时省略");
            }
            open.peek().children.add(g);
        }

        private void flush() {
            if (text.length() > 0) {
                open.peek().children.add(new Text(text.toString()));
                text.setLength(0);
            }
        }

        private void finishSentence() {
            Frame f = open.peek();
            if (!f.children.isEmpty()) {
                sentences.add(Group.of(f.children));
                f.children.clear();
            }
        }
    }

    /** An open sentence or clause; {@code at} is the body index of its {@code [}, -1 if none. */
    private static final class Frame {
        final int at;
        final List<Node> children = new ArrayList<>();

        Frame(int at) {
            this.at = at;
        }
    }

    /** Reads and checks one {@code {...}} reference. */
    private final class ReferenceReader {
        private final int open;
        private final String content;

        ReferenceReader(int open, int close) {
            this.open = open;
            this.content = body.substring(open + 1, close);
        }

        Node read() {
            int bar = content.indexOf('|');
            if (bar >= 0 && content.indexOf('|', bar + 1) >= 0) {
                throw at(content.indexOf('|', bar + 1), "引用中只能有一个“|”");
            }
            String source = bar < 0 ? content : content.substring(0, bar);
            if (source.isEmpty()) {
                throw errorAt(open, "引用{" + content + "}缺少字段，应写成 {字段|单位}");
            }
            if (Term.NAMES.contains(source)) {
                if (bar >= 0) {
                    throw at(bar, "{" + source + "}不带单位，请删去“" + content.substring(bar) + "”");
                }
                return new Term(source);
            }
            if (bar < 0 || bar == content.length() - 1) {
                throw errorAt(open, "引用{" + content + "}缺少单位，应写成 {" + source
                        + "|人}、{" + source + "|万元}、{" + source + "|%}等");
            }
            String word = content.substring(bar + 1);
            Unit unit = Unit.find(word).orElseThrow(() -> at(bar + 1, "未知的单位“" + word
                    + "”；可用的单位：" + String.join("、", Unit.ALL.keySet())));
            return figure(source, unit, bar + 1);
        }

        private Figure figure(String source, Unit unit, int unitAt) {
            int colon = source.indexOf(':');
            if (colon >= 0) {
                String function = source.substring(0, colon);
                String id = source.substring(colon + 1);
                if (id.isEmpty()) {
                    throw at(colon, "“" + function + ":”后缺少字段");
                }
                return switch (function) {
                    case "yoy" -> change(id, colon + 1, unit, unitAt);
                    case "schools.nonzero" -> nonZero(id, colon + 1, unit, unitAt);
                    case "zero" -> zero(id, colon + 1, unit, unitAt);
                    default -> throw at(0, "未知的函数“" + function + ":”；可用 yoy:（比去年）、"
                            + "schools.nonzero:（有该项数字的学校数）和 zero:（填报为0时）");
                };
            }
            int slash = source.indexOf('/');
            if (slash >= 0) {
                String numerator = source.substring(0, slash);
                String denominator = source.substring(slash + 1);
                if (numerator.isEmpty() || denominator.isEmpty()) {
                    throw at(slash, "比值应写成 {字段/字段|%}，“/”两边都要有字段");
                }
                known(numerator, 0);
                known(denominator, slash + 1);
                if (unit.kind() != Unit.Kind.PERCENT) {
                    throw at(unitAt, "比值{" + source + "}只能以“%”表示");
                }
                return new Figure(new Source.Ratio(numerator, denominator), unit, 1);
            }
            known(source, 0);
            fits(source, unit, unitAt);
            return new Figure(new Source.Current(source), unit, vocabulary.percentDecimals(source));
        }

        private Figure change(String id, int idAt, Unit unit, int unitAt) {
            known(id, idAt);
            if (unit.kind() == Unit.Kind.PERCENT) {
                throw at(unitAt, "比去年的变化不能以“%”表示；请比较人数、金额等数量");
            }
            fits(id, unit, unitAt);
            return new Figure(new Source.Yoy(id), unit, 1);
        }

        private Figure nonZero(String id, int idAt, Unit unit, int unitAt) {
            known(id, idAt);
            if (id.startsWith("schools.")) {
                throw at(idAt, "schools.nonzero: 后应为字段或指标，不能是学校数“" + id + "”");
            }
            if (!"所".equals(unit.word())) {
                throw at(unitAt, "学校数的单位是“所”，不是“" + unit.word() + "”");
            }
            return new Figure(new Source.NonZero(id), unit, 1);
        }

        private Figure zero(String id, int idAt, Unit unit, int unitAt) {
            known(id, idAt);
            fits(id, unit, unitAt);
            return new Figure(new Source.Zero(id), unit, vocabulary.percentDecimals(id));
        }

        private void known(String id, int idAt) {
            if (!vocabulary.ids().contains(id)) {
                String hint = closest(id).map(c -> "；是否应为“" + c + "”？").orElse("");
                throw at(idAt, "未知的字段或指标“" + id + "”" + hint);
            }
        }

        private void fits(String id, Unit unit, int unitAt) {
            String specUnit = vocabulary.units().get(id);
            if (specUnit != null && Unit.kindOfSpecUnit(specUnit) != unit.kind()) {
                throw at(unitAt, "“" + id + "”的单位是“" + (specUnit.isEmpty() ? "个数" : specUnit)
                        + "”，不能写成“" + unit.word() + "”");
            }
        }

        /** A problem at an offset into the reference's content. */
        private NarrativeTemplateException at(int offset, String problem) {
            return errorAt(open + 1 + offset, problem);
        }
    }

    /** The known id nearest to a misspelt one, if it is close enough to be the one meant. */
    private Optional<String> closest(String id) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : vocabulary.ids()) {
            int d = distance(id, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, id.length() / 5) ? Optional.ofNullable(best)
                : Optional.empty();
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
