package org.huizong.templates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.huizong.engine.HuizongException;
import org.huizong.engine.definition.DefinitionWorkbookReader;
import org.huizong.engine.definition.DefinitionWorkbookWriter;
import org.huizong.engine.model.Collection;
import org.huizong.engine.narrative.NarrativeTemplate;
import org.huizong.engine.spec.CollectionSpecs;
import org.huizong.engine.spec.DefinitionCheck;
import org.huizong.engine.spec.DefinitionExport;
import org.huizong.engine.spec.DefinitionSpecs;

/**
 * A collection and its narrative, as {@code --collection} names them: a built-in id
 * ({@code edu-halfyear}), the path of a bureau's own YAML definition ({@code 安全月报.yaml}),
 * whose narrative is the file beside it with {@code .narrative.txt} for {@code .yaml}
 * ({@code 安全月报.narrative.txt}) or none when there is no such file, or the path of a definition
 * workbook ({@code 安全月报.xlsx}), whose narrative is its 总结 sheet.
 *
 * @param collection the checked collection
 * @param narrative its narrative template, checked against it
 * @param narrativeText the narrative's source text, empty for none
 */
public record CollectionDefinition(Collection collection, NarrativeTemplate narrative,
        String narrativeText) {
    public CollectionDefinition {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(narrative, "narrative of " + collection.id());
        Objects.requireNonNull(narrativeText, "narrative text of " + collection.id());
    }

    /**
     * The built-in collection {@code idOrPath}, or the definition in that file.
     *
     * @throws HuizongException in Chinese when it is neither, or the file has errors (each with
     *     {@code file:line} or {@code file sheet!cell})
     */
    public static CollectionDefinition of(String idOrPath) {
        if (StandardCollections.ids().contains(idOrPath)) {
            Collection c = StandardCollections.get(idOrPath);
            String text = StandardCollections.resource(c.id() + ".narrative.txt");
            return new CollectionDefinition(c, StandardCollections.narrative(c), text);
        }
        Path file = Path.of(idOrPath);
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!Files.isRegularFile(file) || kind(name).isEmpty()) {
            throw new HuizongException("没有名为 '" + idOrPath + "' 的内置报表，也没有这个 .yaml 或 .xlsx"
                    + " 定义文件（内置报表: " + String.join(", ", StandardCollections.ids()) + "）");
        }
        DefinitionCheck check = check(file);
        Collection c = check.getCollection();
        return new CollectionDefinition(c, NarrativeTemplate.parse(check.narrative(),
                narrativeName(name), c), check.narrative());
    }

    /**
     * Checks a definition file (.yaml, .yml or .xlsx) and reports every problem; a YAML file's
     * narrative is the {@code .narrative.txt} beside it.
     */
    public static DefinitionCheck check(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new HuizongException(file + ": 无法读取: " + e.getMessage(), e);
        }
        String narrative = "";
        Path beside = file.resolveSibling(narrativeName(name));
        if (kind(name).equals(Optional.of("yaml")) && Files.isRegularFile(beside)) {
            try {
                narrative = Files.readString(beside, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new HuizongException("无法读取总结模板 " + beside + "：" + e.getMessage(), e);
            }
        }
        return check(bytes, name, narrative);
    }

    /**
     * Checks a definition's bytes: a workbook when {@code fileName} ends in .xlsx, YAML when in
     * .yaml or .yml (then {@code yamlNarrative} is its narrative, checked too).
     */
    public static DefinitionCheck check(byte[] content, String fileName, String yamlNarrative) {
        String kind = kind(fileName).orElseThrow(() -> new HuizongException(fileName
                + ": 报表定义应为 .xlsx 或 .yaml 文件"));
        if (kind.equals("xlsx")) {
            return DefinitionSpecs.check(DefinitionWorkbookReader.read(content, fileName));
        }
        String yaml = new String(content, StandardCharsets.UTF_8);
        List<String> problems = CollectionSpecs.problems(yaml, fileName);
        if (!problems.isEmpty()) {
            return new DefinitionCheck(Optional.empty(), "", problems);
        }
        Collection c = CollectionSpecs.parse(yaml, fileName);
        try {
            NarrativeTemplate.parse(yamlNarrative, narrativeName(fileName), c);
        } catch (HuizongException e) {
            return new DefinitionCheck(Optional.empty(), "", List.of(e.getMessage()));
        }
        return new DefinitionCheck(Optional.of(c), yamlNarrative, List.of());
    }

    /**
     * A definition from bytes (a server upload).
     *
     * @throws HuizongException listing every problem
     */
    public static CollectionDefinition parse(byte[] content, String fileName) {
        DefinitionCheck check = check(content, fileName, "");
        Collection c = check.getCollection();
        return new CollectionDefinition(c, NarrativeTemplate.parse(check.narrative(),
                narrativeName(fileName), c), check.narrative());
    }

    /** This definition as a definition workbook named {@code fileName}. */
    public byte[] toWorkbook(String fileName) {
        return DefinitionWorkbookWriter.write(DefinitionExport.of(collection, narrativeText,
                fileName));
    }

    private static Optional<String> kind(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".xlsx") ? Optional.of("xlsx")
                : lower.endsWith(".yaml") || lower.endsWith(".yml") ? Optional.of("yaml")
                : Optional.empty();
    }

    private static String narrativeName(String name) {
        int dot = name.lastIndexOf('.');
        return kind(name).equals(Optional.of("xlsx")) ? name + " 总结"
                : (dot < 0 ? name : name.substring(0, dot)) + ".narrative.txt";
    }
}
