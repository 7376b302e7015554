package org.huizong.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.narrative.NarrativeTemplate;
import org.huizong.engine.spec.CollectionSpecs;

/**
 * A collection and its narrative, as {@code --collection} names them: a built-in id
 * ({@code edu-halfyear}) or the path of a bureau's own definition ({@code 安全月报.yaml}), whose
 * narrative is the file beside it with {@code .narrative.txt} for {@code .yaml}
 * ({@code 安全月报.narrative.txt}), or none when there is no such file.
 *
 * @param collection the checked collection
 * @param narrative its narrative template, checked against it
 */
public record CollectionDefinition(Collection collection, NarrativeTemplate narrative) {
    public CollectionDefinition {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(narrative, "narrative of " + collection.id());
    }

    /**
     * The built-in collection {@code idOrPath}, or the definition in that file.
     *
     * @throws HuizongException in Chinese when it is neither, or the file has errors (each with
     *     {@code file:line})
     */
    public static CollectionDefinition of(String idOrPath) {
        if (StandardCollections.ids().contains(idOrPath)) {
            Collection c = StandardCollections.get(idOrPath);
            return new CollectionDefinition(c, StandardCollections.narrative(c));
        }
        Path file = Path.of(idOrPath);
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file) || !(lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
            throw new HuizongException("没有名为 '" + idOrPath + "' 的内置报表，也没有这个 .yaml 定义文件"
                    + "（内置报表: " + String.join(", ", StandardCollections.ids()) + "）");
        }
        Collection c = CollectionSpecs.load(file);
        Path narrative = file.resolveSibling(name.substring(0, name.lastIndexOf('.'))
                + ".narrative.txt");
        String text = "";
        if (Files.isRegularFile(narrative)) {
            try {
                text = Files.readString(narrative, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new HuizongException("无法读取总结模板 " + narrative + "：" + e.getMessage(), e);
            }
        }
        return new CollectionDefinition(c, NarrativeTemplate.parse(text,
                narrative.getFileName().toString(), c));
    }
}
