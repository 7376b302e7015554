package org.huizong.engine.narrative;

import java.util.List;
import java.util.Objects;

/**
 * One section of a template: a heading (numbered when rendered) and its sentences, each a
 * {@link Node.Group}.
 */
record Section(String title, List<Node.Group> sentences) {
    Section {
        Objects.requireNonNull(title, "title");
        sentences = List.copyOf(sentences);
    }
}
