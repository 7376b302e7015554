package org.huizong.engine.spec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One YAML mapping read with a fixed set of allowed keys: an unknown key (a typo such as
 * {@code requried}) is an error at its line instead of being silently ignored.
 */
final class YamlMapping {
    private final YamlNode node;
    private final Map<String, YamlNode> map;
    private final String what;

    YamlMapping(YamlNode node, String what, Set<String> allowed) {
        this.node = node;
        this.map = node.map();
        this.what = what;
        for (Map.Entry<String, YamlNode> e : map.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw e.getValue().error(what + ": 未知的键 '" + e.getKey() + "'（可用: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + "）");
            }
        }
    }

    YamlNode node() {
        return node;
    }

    SpecException error(String message) {
        return node.error(what + ": " + message);
    }

    Optional<YamlNode> find(String key) {
        return Optional.ofNullable(map.get(key));
    }

    YamlNode get(String key) {
        return find(key).orElseThrow(() -> error("缺少 '" + key + "'"));
    }

    String text(String key) {
        return get(key).text();
    }

    String text(String key, String fallback) {
        return find(key).map(YamlNode::text).orElse(fallback);
    }

    List<String> texts(String key) {
        return find(key).map(YamlNode::texts).orElse(List.of());
    }

    boolean flag(String key) {
        return find(key).map(n -> {
            String t = n.text();
            if (!t.equals("true") && !t.equals("false")) {
                throw n.error(what + ": '" + key + "' 应为 true 或 false，而不是 '" + t + "'");
            }
            return t.equals("true");
        }).orElse(false);
    }

    /** A positive decimal, at most 40 characters long; empty when the key is absent. */
    Optional<BigDecimal> positive(String key) {
        return find(key).map(n -> {
            String t = n.text().trim();
            try {
                BigDecimal v = t.length() <= 40 ? new BigDecimal(t) : BigDecimal.ZERO;
                if (v.signum() > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below with the value
            }
            throw n.error(what + ": '" + key + "' 应为正数，而不是 '" + t + "'");
        });
    }

    int integer(String key, int fallback) {
        return find(key).map(n -> {
            try {
                return Integer.parseInt(n.text());
            } catch (NumberFormatException e) {
                throw n.error(what + ": '" + key + "' 应为整数，而不是 '" + n.text() + "'");
            }
        }).orElse(fallback);
    }
}
