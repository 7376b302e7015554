/**
 * Narrative summaries in Chinese, written from consolidated figures in the register of a county
 * bureau's half-year summary.
 *
 * <p>In: a template in the narrative language ({@code docs/narrative-language.md}), parsed and
 * checked once by {@link org.huizong.engine.narrative.NarrativeTemplate#parse} against the ids a
 * collection offers ({@link org.huizong.engine.narrative.NarrativeVocabulary}); and, for each
 * rendering, a {@link org.huizong.engine.narrative.NarrativeInput}: the period, totals by field
 * and indicator id (money in 万元, percentages as ratios), the number of schools with a non-zero
 * figure per id, school counts ({@code schools.expected}, {@code schools.received} and per type
 * {@code schools.received.幼儿园}), and optionally the previous period's totals. The consolidator
 * fills it; nothing here reads files.
 *
 * <p>Out: {@link org.huizong.engine.narrative.Paragraph}s, each a numbered heading sentence and
 * its body, with numbers formatted by {@link org.huizong.engine.narrative.ChineseNumbers}.
 * Template problems are {@link org.huizong.engine.narrative.NarrativeTemplateException}s naming
 * {@code source:line:column}; rendering itself does not fail, it leaves out clauses whose figures
 * are 0 or absent.
 */
package org.huizong.engine.narrative;
