package org.huizong.engine.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;

/**
 * A YAML node that remembers its line, so every spec error can say where it is. Values are a
 * scalar string, a list, or an insertion-ordered map; nothing else is needed by the spec format.
 *
 * @param source file name for messages
 * @param line one-based line of the node
 */
record YamlNode(String source, int line, Object value) {

    static YamlNode parse(String yaml, String source) {
        try {
            Optional<Node> root = new Compose(LoadSettings.builder().setLabel(source).build())
                    .composeString(yaml);
            return of(root.orElseThrow(() -> new SpecException(source + ":1: 文件为空")), source);
        } catch (YamlEngineException e) {
            throw new SpecException(source + ": YAML 语法错误: " + e.getMessage(), e);
        }
    }

    private static YamlNode of(Node node, String source) {
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        if (node instanceof ScalarNode s) {
            return new YamlNode(source, line, s.getValue());
        }
        if (node instanceof SequenceNode q) {
            List<YamlNode> items = new ArrayList<>();
            q.getValue().forEach(n -> items.add(of(n, source)));
            return new YamlNode(source, line, List.copyOf(items));
        }
        if (node instanceof MappingNode m) {
            Map<String, YamlNode> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                YamlNode key = of(t.getKeyNode(), source);
                if (!(key.value instanceof String k)) {
                    throw key.error("键必须是文字");
                }
                if (map.put(k, of(t.getValueNode(), source)) != null) {
                    throw key.error("键 '" + k + "' 重复");
                }
            }
            return new YamlNode(source, line, java.util.Collections.unmodifiableMap(map));
        }
        throw new SpecException(source + ":" + line + ": 不支持的 YAML 节点");
    }

    SpecException error(String message) {
        return new SpecException(where() + ": " + message);
    }

    /**
     * Where the node is, for messages: {@code file:line}, or for a node read from a definition
     * workbook (line 0) the source alone, which names the cell ({@code 定义.xlsx 字段!D5}).
     */
    String where() {
        return line > 0 ? source + ":" + line : source;
    }

    boolean isScalar() {
        return value instanceof String;
    }

    String text() {
        if (value instanceof String s) {
            return s;
        }
        throw error("这里应是单个值");
    }

    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        if (value instanceof List<?> l) {
            return (List<YamlNode>) l;
        }
        throw error("这里应是列表 [...]");
    }

    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, YamlNode>) m;
        }
        throw error("这里应是键值对 {...}");
    }

    List<String> texts() {
        return list().stream().map(YamlNode::text).toList();
    }

    /** A copy with every scalar (keys excluded) rewritten, for {@code foreach} expansion. */
    YamlNode mapScalars(UnaryOperator<String> f) {
        if (value instanceof String s) {
            return new YamlNode(source, line, f.apply(s));
        }
        if (value instanceof List<?>) {
            return new YamlNode(source, line, list().stream().map(n -> n.mapScalars(f)).toList());
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        map().forEach((k, v) -> out.put(k, v.mapScalars(f)));
        return new YamlNode(source, line, java.util.Collections.unmodifiableMap(out));
    }
}
