package org.huizong.engine.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Unmodifiable maps that keep their insertion order, are not copied twice, and share their keys.
 * Records of the model copy the maps they are given, so nobody can change them afterwards; a
 * return's three hundred values pass through several records on their way to the county book
 * (a return, the fold's entry, the school's status), and copying each time cost more than the
 * rest of the finish. A map made here is copied once and then passed along as it is.
 *
 * <p>The maps of one county's returns have the same keys in the same order (a collection's field
 * ids, a table's columns), so a map here is an array of values over a key table shared by every
 * map with those keys ({@link Keys}): a fold over 30,000 schools held their figures in hash-map
 * entries, about a third of its heap.
 */
public final class OrderedMaps {
    /**
     * Key tables kept for sharing; a map with keys beyond them gets a table of its own. Keys
     * come from collection definitions, so a run sees a few dozen.
     */
    private static final int MAX_SHARED = 1024;
    private static final Map<List<Object>, Keys> SHARED = new ConcurrentHashMap<>();

    private OrderedMaps() {
    }

    /** An unmodifiable copy in {@code m}'s iteration order; {@code m} itself if made here. */
    public static <K, V> Map<K, V> copyOf(Map<K, V> m) {
        if (m instanceof Frozen<K, V> f) {
            return f;
        }
        Object[] keys = new Object[m.size()];
        Object[] values = new Object[keys.length];
        int i = 0;
        for (Map.Entry<K, V> e : m.entrySet()) {
            keys[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
        return new Frozen<>(Keys.of(keys), values);
    }

    /** Whether two maps made here share one key table (for tests). */
    static boolean shareKeys(Map<?, ?> a, Map<?, ?> b) {
        return a instanceof Frozen<?, ?> x && b instanceof Frozen<?, ?> y && x.keys == y.keys;
    }

    /** Keys in order, and where each is. Immutable, so shared between maps and threads. */
    private static final class Keys {
        private final Object[] order;
        private final Map<Object, Integer> index;

        private Keys(Object[] order) {
            this.order = order;
            this.index = new HashMap<>(order.length * 2);
            for (int i = 0; i < order.length; i++) {
                index.put(order[i], i);
            }
        }

        static Keys of(Object[] keys) {
            List<Object> list = Arrays.asList(keys);
            Keys known = SHARED.get(list);
            if (known != null) {
                return known;
            }
            Keys made = new Keys(keys);
            if (SHARED.size() >= MAX_SHARED) {
                return made;
            }
            Keys earlier = SHARED.putIfAbsent(list, made);
            return earlier != null ? earlier : made;
        }
    }

    /** Values over shared keys; every change is refused ({@link AbstractMap}'s). */
    private static final class Frozen<K, V> extends AbstractMap<K, V> {
        private final Keys keys;
        private final Object[] values;

        Frozen(Keys keys, Object[] values) {
            this.keys = keys;
            this.values = values;
        }

        @SuppressWarnings("unchecked")
        private K key(int i) {
            return (K) keys.order[i];
        }

        @SuppressWarnings("unchecked")
        private V value(int i) {
            return (V) values[i];
        }

        @Override
        public V get(Object key) {
            Integer i = keys.index.get(key);
            return i == null ? null : value(i);
        }

        @Override
        public boolean containsKey(Object key) {
            return keys.index.containsKey(key);
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public void forEach(BiConsumer<? super K, ? super V> action) {
            for (int i = 0; i < values.length; i++) {
                action.accept(key(i), value(i));
            }
        }

        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<K, V>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < values.length;
                        }

                        @Override
                        public Map.Entry<K, V> next() {
                            if (next >= values.length) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(key(i), value(i));
                        }
                    };
                }

                @Override
                public int size() {
                    return values.length;
                }
            };
        }
    }
}
