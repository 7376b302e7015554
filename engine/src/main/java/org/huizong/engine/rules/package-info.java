/**
 * The rule language (see {@code docs/rule-language.md}). In: rule-language source from a
 * collection spec ({@link org.huizong.engine.rules.RuleParser#parse}), a
 * {@link org.huizong.engine.model.Collection} and the {@link org.huizong.engine.model.Return}s
 * read from schools. Out: parse trees ({@link org.huizong.engine.rules.Expr}), the
 * {@link org.huizong.engine.model.Finding}s of a return (validation), computed values, findings
 * reports as text and JSON, and Excel formulas that mirror the Java semantics for the
 * self-checking template. Nothing here reads or writes files.
 */
package org.huizong.engine.rules;
