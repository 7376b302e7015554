package org.huizong.engine.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.model.Collection;

/**
 * What reading a collection definition found: the collection and its narrative when it is
 * sound, and every problem otherwise, each message starting with its place
 * ({@code 安全月报.xlsx 规则!D7} or {@code 安全月报.yaml:12}).
 *
 * @param collection present exactly when there is no problem
 * @param narrative the narrative template's text ({@code docs/narrative-language.md}); empty when
 *     the definition has none
 * @param problems in the order found, without repeats
 */
public record DefinitionCheck(Optional<Collection> collection, String narrative,
        List<String> problems) {
    public DefinitionCheck {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(narrative, "narrative");
        problems = List.copyOf(problems);
        if (collection.isPresent() != problems.isEmpty()) {
            throw new IllegalArgumentException("a definition has a collection exactly when it has"
                    + " no problem, not " + problems.size() + " problems");
        }
    }

    /**
     * The collection.
     *
     * @throws SpecException listing every problem, numbered, ending with their count
     */
    public Collection getCollection() {
        return collection.orElseThrow(() -> new SpecException(report()));
    }

    /** The problems as a numbered report that ends with their count, in Chinese. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            sb.append(i + 1).append(". ").append(problems.get(i)).append('\n');
        }
        return sb.append("共 ").append(problems.size()).append(" 个问题").toString();
    }
}
