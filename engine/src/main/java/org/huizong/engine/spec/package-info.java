/**
 * Loads a collection spec from YAML into the immutable {@link org.huizong.engine.model.Collection}.
 * In: YAML text and the name of its source (for messages). Out: a checked collection, or a
 * {@link org.huizong.engine.spec.SpecException} naming the file, line and the offending field or
 * rule. Every rule, computed-field formula and indicator is parsed here, so a spec that loads has
 * no unknown field reference.
 */
package org.huizong.engine.spec;
