/**
 * Loads a collection spec into the immutable {@link org.huizong.engine.model.Collection}.
 * In: YAML text and the name of its source (for messages), or the cell texts of a definition
 * workbook ({@link org.huizong.engine.spec.DefinitionBook}: sheets 设置, 字段, 表格, 选项, 规则,
 * 指标, 总结, laid out by {@link org.huizong.engine.spec.DefinitionLayout}). Out: a checked
 * collection, or a {@link org.huizong.engine.spec.SpecException} naming the file, line and the
 * offending field or rule; {@link org.huizong.engine.spec.DefinitionSpecs} and
 * {@link org.huizong.engine.spec.CollectionSpecs#problems} collect every problem, a workbook's
 * each at its sheet and cell. {@link org.huizong.engine.spec.DefinitionExport} writes a collection
 * back as a definition book. Every rule, computed-field formula and indicator is parsed here, so
 * a spec that loads has no unknown field reference. Reads no file format but YAML: the workbook's
 * bytes are {@code engine.definition}'s.
 */
package org.huizong.engine.spec;
