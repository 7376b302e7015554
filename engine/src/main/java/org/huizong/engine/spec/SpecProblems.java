package org.huizong.engine.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.huizong.engine.model.Field;
import org.huizong.engine.model.Sheet;

/**
 * Every problem of a spec tree, not only the first: the groups, each field, each formula, each
 * rule and each indicator are checked alone, so one bad row does not hide the next. Only when
 * each part is sound is the whole built, which finds what no part shows alone.
 */
final class SpecProblems {
    private final CollectionSpecs specs;
    private final List<String> out = new ArrayList<>();
    private final Map<String, Field> fields = new LinkedHashMap<>();
    /**
     * Every field id written, also of the fields that are wrong in another way (their value
     * {@code null}), so that a bad field row is reported once and not again by every rule
     * that names it.
     */
    private final Map<String, Field> named = new LinkedHashMap<>();

    private SpecProblems(String source) {
        this.specs = new CollectionSpecs(source);
    }

    /** The messages, each starting with its place; empty for a sound spec. */
    static List<String> of(YamlNode root, String source) {
        SpecProblems p = new SpecProblems(source);
        p.check(root);
        return List.copyOf(new LinkedHashSet<>(p.out));
    }

    private void check(YamlNode root) {
        YamlMapping top;
        try {
            top = new YamlMapping(root, "collection", CollectionSpecs.TOP);
            specs.schoolTypes = top.texts("schoolTypes");
        } catch (SpecException e) {
            out.add(e.getMessage());
            return;
        }
        attempt(() -> specs.groups = specs.groups(top.find("groups")));
        for (YamlNode s : top.find("sheets").map(YamlNode::list).orElse(List.of())) {
            attempt(() -> sheetFields(s));
        }
        Set<String> known = named.keySet();
        for (Field f : List.copyOf(fields.values())) {
            if (f.formula().isPresent()) {
                Sheet one = new Sheet("check", "check", List.of("v"),
                        List.of(new org.huizong.engine.model.Line(f.label(), List.of(f))),
                        Optional.empty());
                attempt(() -> specs.checkFormulas(List.of(one), known));
            }
        }
        Set<String> ids = new LinkedHashSet<>(known);
        entries(top.find("rules"), CollectionSpecs.RULE, n -> {
            YamlNode id = n.map().get("id");
            if (id != null && id.isScalar() && !ids.add(id.text())) {
                throw id.error("规则编号 " + id.text() + " 重复");
            }
            specs.rule(n, named);
        });
        entries(top.find("indicators"), CollectionSpecs.INDICATOR,
                n -> specs.indicator(n, known));
        if (out.isEmpty()) {
            attempt(() -> new CollectionSpecs(specs.source()).collection(root));
        }
    }

    private void sheetFields(YamlNode node) {
        Map<String, YamlNode> sheet = node.map();
        List<YamlNode> plain = new ArrayList<>();
        Optional.ofNullable(sheet.get("fields")).ifPresent(l -> plain.addAll(l.list()));
        Optional.ofNullable(sheet.get("lines")).ifPresent(l -> {
            for (YamlNode line : l.list()) {
                Optional.ofNullable(line.map().get("fields"))
                        .ifPresent(f -> plain.addAll(f.list()));
            }
        });
        for (YamlNode f : plain) {
            name(f, "id", null);
            attempt(() -> put(specs.field(f, null), f));
        }
        YamlNode table = sheet.get("table");
        if (table != null && table.map().get("columns") != null && table.map().get("id") != null) {
            String tableId = table.map().get("id").text();
            for (YamlNode c : table.map().get("columns").list()) {
                name(c, "key", tableId);
                attempt(() -> put(specs.field(c, tableId), c));
            }
        }
    }

    private void name(YamlNode field, String key, String tableId) {
        if (field.value() instanceof Map<?, ?> m && m.get(key) instanceof YamlNode id
                && id.isScalar()) {
            named.putIfAbsent(tableId == null ? id.text() : tableId + "." + id.text(), null);
        }
    }

    private void put(Field f, YamlNode at) {
        named.put(f.id(), f);
        if (fields.putIfAbsent(f.id(), f) != null) {
            throw at.error("字段编号 " + f.id() + " 重复");
        }
    }

    private void entries(Optional<YamlNode> list, Set<String> allowed, Check check) {
        List<YamlNode> expanded;
        try {
            expanded = specs.expand(list, allowed);
        } catch (SpecException e) {
            out.add(e.getMessage());
            return;
        }
        for (YamlNode n : expanded) {
            attempt(() -> check.accept(n));
        }
    }

    private void attempt(Runnable r) {
        try {
            r.run();
        } catch (SpecException e) {
            out.add(e.getMessage());
        } catch (IllegalArgumentException e) {
            out.add(specs.source() + ": " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Check {
        void accept(YamlNode n);
    }
}
