package org.huizong.templates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.huizong.engine.HuizongException;
import org.huizong.engine.model.Collection;
import org.huizong.engine.narrative.NarrativeTemplate;
import org.huizong.engine.spec.CollectionSpecs;

/** The collections huizong ships. Loading is cheap (milliseconds), so nothing is cached. */
public final class StandardCollections {
    /** The half-year return of {@code standard-return.md}. */
    public static final String EDU_HALFYEAR = "edu-halfyear";
    /** The monthly school safety report, shipped purely as data. */
    public static final String SAFETY_MONTHLY = "safety-monthly";
    private static final List<String> IDS = List.of(EDU_HALFYEAR, SAFETY_MONTHLY);

    private StandardCollections() {
    }

    public static List<String> ids() {
        return IDS;
    }

    public static Collection eduHalfyear() {
        return get(EDU_HALFYEAR);
    }

    public static Optional<Collection> find(String id) {
        return IDS.contains(id) ? Optional.of(CollectionSpecs.parse(resource(id + ".yaml"),
                id + ".yaml")) : Optional.empty();
    }

    public static Collection get(String id) {
        return find(id).orElseThrow(() -> new HuizongException("没有名为 '" + id
                + "' 的标准报表（可用: " + String.join(", ", IDS) + "）"));
    }

    /** The narrative template of a standard collection, checked against its fields. */
    public static NarrativeTemplate narrative(Collection collection) {
        String name = collection.id() + ".narrative.txt";
        return NarrativeTemplate.parse(resource(name), name, collection);
    }

    /** A text resource next to the specs, e.g. {@code edu-halfyear.narrative.txt}. */
    public static String resource(String name) {
        try (InputStream in = StandardCollections.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new HuizongException("缺少内置资源 org/huizong/templates/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new HuizongException("无法读取内置资源 " + name + ": " + e.getMessage(), e);
        }
    }
}
