package org.huizong.engine.model;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Unmodifiable maps that keep their insertion order and are not copied twice. Records of the
 * model copy the maps they are given, so nobody can change them afterwards; a return's three
 * hundred values pass through several records on their way to the county book (a return, the
 * fold's entry, the school's status), and copying each time cost more than the rest of the
 * finish. A map made here is copied once and then passed along as it is.
 */
public final class OrderedMaps {
    private OrderedMaps() {
    }

    /** An unmodifiable copy in {@code m}'s iteration order; {@code m} itself if made here. */
    public static <K, V> Map<K, V> copyOf(Map<K, V> m) {
        if (m instanceof Frozen<K, V> f) {
            return f;
        }
        return new Frozen<>(new LinkedHashMap<>(m));
    }

    /** Reads go straight to the private copy; every change is refused by its view. */
    private static final class Frozen<K, V> extends AbstractMap<K, V> {
        private final Map<K, V> map;
        private final Set<Map.Entry<K, V>> entries;

        Frozen(LinkedHashMap<K, V> map) {
            this.map = map;
            this.entries = Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            return entries;
        }

        @Override
        public V get(Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }
    }
}
