/**
 * The immutable model: a {@link org.huizong.engine.model.Collection} (sheets, fields, repeating
 * table, rules, indicators), the roster, a period, and what a school sends back, a
 * {@link org.huizong.engine.model.Return} with its {@link org.huizong.engine.model.Finding}s.
 * Nothing here reads files or evaluates rules.
 */
package org.huizong.engine.model;
