/**
 * The standard collections, shipped as data: each is a YAML spec (and a narrative) on the class
 * path under {@code org/huizong/templates/}. In: a collection id. Out: the loaded, checked
 * {@link org.huizong.engine.model.Collection}.
 */
package org.huizong.templates;
