package org.huizong.engine.narrative;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The parse tree of a narrative template's sentence: text, figures and optional clauses. */
sealed interface Node {

    /** Literal text, written as is. */
    record Text(String text) implements Node {
        public Text {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty text node");
            }
        }
    }

    /**
     * {@code {term}}, {@code {year}}, {@code {half}}: words of the period; {@code {area}}: the
     * area word (县 in 全县, 我县). Never absent.
     */
    record Term(String name) implements Node {
        static final List<String> NAMES = List.of("term", "year", "half", "area");

        public Term {
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown word " + name);
            }
        }

        String render(NarrativeInput in) {
            return switch (name) {
                case "term" -> in.period().term().orElse("");
                case "year" -> String.valueOf(in.period().year());
                case "area" -> in.area();
                default -> in.period().withinYear();
            };
        }
    }

    /**
     * A figure with its unit. It renders nothing when its value is absent, or when it would show
     * as 0 (a comparison that shows 0 reads 与去年持平 instead; {@code zero:} renders empty text
     * exactly then).
     *
     * @param percentDecimals decimals shown when {@code unit} is a percentage
     */
    record Figure(Source source, Unit unit, int percentDecimals) implements Node {
        public Figure {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(unit, "unit");
        }

        Optional<String> render(NarrativeInput in) {
            if (source instanceof Source.Yoy yoy) {
                return renderChange(in, yoy.id());
            }
            if (source instanceof Source.Zero) {
                // reported, and 0: no text of its own, but its clause stays
                return source.value(in)
                        .filter(v -> unit.round(v, percentDecimals).signum() == 0)
                        .map(v -> "");
            }
            return source.value(in)
                    .filter(v -> unit.round(v, percentDecimals).signum() != 0)
                    .map(v -> unit.format(v, percentDecimals));
        }

        private Optional<String> renderChange(NarrativeInput in, String id) {
            Optional<BigDecimal> now = in.findCompared(id);
            Optional<BigDecimal> before = in.findPrevious(id);
            if (now.isEmpty() || before.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal change = now.get().subtract(before.get());
            boolean showsZero = unit.round(change.abs(), percentDecimals).signum() == 0;
            int sign = showsZero ? 0 : change.signum();
            String amount = unit.format(change.abs(), percentDecimals);
            return Optional.of(switch (sign) {
                case 1 -> "比去年增加" + amount;
                case -1 -> "比去年减少" + amount;
                default -> "与去年持平";
            });
        }
    }

    /**
     * A sentence, or an optional clause written {@code [...]} inside one. It disappears when one
     * of its own figures renders nothing, or when it has no figures of its own and every clause
     * inside it disappeared.
     *
     * @param ownsPunctuation the clause starts or ends with its own separator
     *     ({@code [，{yoy:enrol.zhongkao|人}]}), so nothing around it goes when it disappears
     * @param hasFigures a figure occurs in it or in a clause inside it
     */
    record Group(List<Node> children, boolean ownsPunctuation, boolean hasFigures)
            implements Node {
        public Group {
            children = List.copyOf(children);
        }

        static Group of(List<Node> children) {
            boolean owns = false;
            if (!children.isEmpty() && children.get(0) instanceof Text t
                    && Punctuation.isSeparator(t.text().charAt(0))) {
                owns = true;
            }
            if (!children.isEmpty() && children.get(children.size() - 1) instanceof Text t
                    && Punctuation.isSeparator(t.text().charAt(t.text().length() - 1))) {
                owns = true;
            }
            boolean figures = children.stream().anyMatch(
                    c -> c instanceof Figure || (c instanceof Group g && g.hasFigures()));
            return new Group(children, owns, figures);
        }

        /** The clause's text with its punctuation mended, or empty when it disappears. */
        Optional<String> render(NarrativeInput in) {
            List<Optional<String>> parts = new ArrayList<>();
            boolean ownFigures = false;
            boolean clauses = false;
            boolean clauseKept = false;
            for (Node child : children) {
                if (child instanceof Text t) {
                    parts.add(Optional.of(t.text()));
                } else if (child instanceof Term t) {
                    parts.add(Optional.of(t.render(in)));
                } else if (child instanceof Figure f) {
                    ownFigures = true;
                    Optional<String> s = f.render(in);
                    if (s.isEmpty()) {
                        return Optional.empty();
                    }
                    parts.add(s);
                } else if (child instanceof Group g) {
                    clauses = true;
                    Optional<String> s = g.render(in);
                    clauseKept |= s.isPresent();
                    // a clause that brings its own separator leaves its neighbours as they are
                    parts.add(s.isEmpty() && g.ownsPunctuation() ? Optional.of("") : s);
                }
            }
            if (!ownFigures && clauses && !clauseKept) {
                return Optional.empty();
            }
            return Optional.of(Punctuation.stitch(parts));
        }
    }

    /** Where a figure's value comes from. */
    sealed interface Source {
        /** The value before formatting, empty when not collected or not computable. */
        Optional<BigDecimal> value(NarrativeInput in);

        /** {@code {id|unit}}: a total, an indicator or a school count. */
        record Current(String id) implements Source {
            @Override
            public Optional<BigDecimal> value(NarrativeInput in) {
                return in.findValue(id);
            }
        }

        /**
         * {@code {yoy:id|unit}}: the change against the previous period, over the same schools
         * (the totals, or the schools counted in both periods).
         */
        record Yoy(String id) implements Source {
            @Override
            public Optional<BigDecimal> value(NarrativeInput in) {
                return in.findCompared(id).flatMap(
                        now -> in.findPrevious(id).map(now::subtract));
            }
        }

        /** {@code {schools.nonzero:id|所}}: schools that reported a figure other than 0. */
        record NonZero(String id) implements Source {
            @Override
            public Optional<BigDecimal> value(NarrativeInput in) {
                return in.findNonZeroSchools(id);
            }
        }

        /**
         * {@code {zero:id|unit}}: shows nothing, and keeps its clause only when the figure was
         * reported and shows as 0, for what a summary states about a true zero
         * ({@code [{zero:safety.incidents|起}全县未发生安全责任事故]}).
         */
        record Zero(String id) implements Source {
            @Override
            public Optional<BigDecimal> value(NarrativeInput in) {
                return in.findValue(id);
            }
        }

        /** {@code {a/b|%}}: a ratio of two figures, absent when the divisor is absent or 0. */
        record Ratio(String numerator, String denominator) implements Source {
            @Override
            public Optional<BigDecimal> value(NarrativeInput in) {
                Optional<BigDecimal> d = in.findValue(denominator).filter(v -> v.signum() != 0);
                return in.findValue(numerator).flatMap(
                        n -> d.map(v -> n.divide(v, MathContext.DECIMAL64)));
            }
        }
    }
}
