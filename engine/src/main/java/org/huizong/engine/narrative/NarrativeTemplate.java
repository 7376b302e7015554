package org.huizong.engine.narrative;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.huizong.engine.model.Collection;
import org.huizong.engine.narrative.Node.Figure;
import org.huizong.engine.narrative.Node.Group;
import org.huizong.engine.narrative.Node.Source;

/**
 * A checked narrative template ({@code docs/narrative-language.md}): parsed and checked against
 * the figures it may name when loaded, so that rendering never fails; it only leaves out what the
 * figures do not support. Immutable and safe to share.
 */
public final class NarrativeTemplate {
    private final String sourceName;
    private final List<Section> sections;

    private NarrativeTemplate(String sourceName, List<Section> sections) {
        this.sourceName = sourceName;
        this.sections = List.copyOf(sections);
    }

    /**
     * Parses a template whose figures may name any of {@code knownIds} (fields, indicators,
     * {@code schools.*} counts), in any unit; percentages show 1 decimal.
     *
     * @param sourceName the file name errors start with ({@code edu-halfyear.narrative.txt})
     * @throws NarrativeTemplateException naming {@code sourceName:line:column} of the first problem
     */
    public static NarrativeTemplate parse(String text, String sourceName, Set<String> knownIds) {
        return parse(text, sourceName, NarrativeVocabulary.of(knownIds));
    }

    /**
     * Parses a template for a collection: figures may name its numeric fields, its indicators and
     * the school counts per school type; units must fit the collection's, and percentages show
     * the indicator's decimals.
     *
     * @throws NarrativeTemplateException naming {@code sourceName:line:column} of the first problem
     */
    public static NarrativeTemplate parse(String text, String sourceName, Collection collection) {
        return parse(text, sourceName, NarrativeVocabulary.of(collection));
    }

    /**
     * Parses a template against an explicit vocabulary.
     *
     * @throws NarrativeTemplateException naming {@code sourceName:line:column} of the first problem
     */
    public static NarrativeTemplate parse(String text, String sourceName,
            NarrativeVocabulary vocabulary) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(vocabulary, "vocabulary");
        return new NarrativeTemplate(sourceName,
                TemplateParser.parse(text, sourceName, vocabulary));
    }

    public String sourceName() {
        return sourceName;
    }

    /**
     * The sections whose figures support at least one sentence, numbered （一）, （二）… in the
     * order they appear. Sentences and clauses whose figures are 0 or absent are left out and the
     * punctuation around them mended.
     */
    public List<Paragraph> render(NarrativeInput input) {
        Objects.requireNonNull(input, "input");
        List<Paragraph> out = new ArrayList<>();
        for (Section section : sections) {
            StringBuilder body = new StringBuilder();
            boolean figureKept = false;
            for (Group sentence : section.sentences()) {
                Optional<String> s = sentence.render(input).map(Punctuation::mend);
                if (s.isPresent() && !s.get().isEmpty()) {
                    body.append(s.get());
                    figureKept |= sentence.hasFigures();
                }
            }
            if (figureKept) {
                String number = ChineseNumbers.ordinal(out.size() + 1);
                String heading = "（" + number + "）" + section.title();
                out.add(new Paragraph(heading, body.toString()));
            }
        }
        return List.copyOf(out);
    }

    /** The rendered paragraphs, one per line. */
    public String renderText(NarrativeInput input) {
        return render(input).stream().map(Paragraph::text).collect(Collectors.joining("\n"));
    }

    /** Section titles as written, without numbers. */
    public List<String> sectionTitles() {
        return sections.stream().map(Section::title).toList();
    }

    /**
     * Every field, indicator or school-count id a figure names, in order of first use: what the
     * consolidator must provide for the full text.
     */
    public Set<String> referencedIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (Section s : sections) {
            s.sentences().forEach(g -> collect(g, ids));
        }
        return Collections.unmodifiableSet(ids);
    }

    private static void collect(Group group, Set<String> ids) {
        for (Node n : group.children()) {
            if (n instanceof Group g) {
                collect(g, ids);
            } else if (n instanceof Figure f) {
                Source s = f.source();
                if (s instanceof Source.Current v) {
                    ids.add(v.id());
                } else if (s instanceof Source.Yoy y) {
                    ids.add(y.id());
                } else if (s instanceof Source.NonZero z) {
                    ids.add(z.id());
                } else if (s instanceof Source.Zero z) {
                    ids.add(z.id());
                } else if (s instanceof Source.Ratio r) {
                    ids.add(r.numerator());
                    ids.add(r.denominator());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "NarrativeTemplate[" + sourceName + ", " + sections.size() + " sections]";
    }
}
