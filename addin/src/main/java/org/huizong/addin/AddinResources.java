package org.huizong.addin;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The add-in's files as the server serves them: static files under {@code /addin/**} from the
 * classpath folder {@link #CLASSPATH_FOLDER}, and the manifest at {@code /addin/manifest.xml}
 * with the server's own address filled in.
 *
 * <p>Paths are relative to {@link #CLASSPATH_FOLDER} and to {@code /addin/}, with {@code /}
 * separators: {@code taskpane.html}, {@code js/api.mjs}, {@code office/office.js}.
 */
public final class AddinResources {
    /** The classpath folder holding the static files; no leading slash. */
    public static final String CLASSPATH_FOLDER = "org/huizong/addin/";

    /**
     * The manifest template's path. Named apart from {@code manifest.xml} so that a static-file
     * handler serving this folder never answers {@code /addin/manifest.xml} with the raw template
     * in place of the server's filled-in route.
     */
    public static final String MANIFEST_TEMPLATE = "manifest.template.xml";

    /** Where the server serves {@link #manifest(String)}; schools download it from there. */
    public static final String MANIFEST_ROUTE = "/addin/manifest.xml";

    /** The WPS client's add-in list template (docs/wps.md), also not served raw. */
    public static final String WPS_PUBLISH_TEMPLATE = "wps/publish.template.xml";

    /** Where the server serves {@link #wpsPublishXml(String)} for download. */
    public static final String WPS_PUBLISH_ROUTE = "/addin/wps/publish.xml";

    /** The committed list of static files, one path a line; kept in step by a test. */
    static final String INDEX = "files.txt";

    private static final String BASE_URL = "${BASE_URL}";
    private static final String ADDIN_ID = "${ADDIN_ID}";

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            // ES modules are refused by browsers unless served as JavaScript, and servers often
            // do not know the .mjs extension.
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"));

    private AddinResources() {
    }

    /**
     * The add-in manifest for a server reachable at {@code baseUrl}.
     *
     * @param baseUrl the server's public address as the schools' Excel reaches it, such as
     *     {@code https://huizong.example.edu.cn:8443} or {@code https://example.org/huizong};
     *     a trailing slash is dropped. Office loads add-ins only over https, so plain http is
     *     accepted only for {@code localhost} and loopback addresses (development).
     * @return the manifest XML with every placeholder filled in
     * @throws IllegalArgumentException if the address is not an absolute https URL without
     *     query, fragment or user info
     */
    public static String manifest(String baseUrl) {
        String base = normalizeBaseUrl(baseUrl);
        String template = template(MANIFEST_TEMPLATE, BASE_URL, ADDIN_ID);
        return template.replace(BASE_URL, escapeXml(base)).replace(ADDIN_ID, addinId(base));
    }

    /**
     * The add-in list a WPS client needs to load the huizong WPS 加载项 from this server in
     * online mode (docs/wps.md says where it goes).
     *
     * @param baseUrl the server's address as the schools reach it; WPS, unlike Office, also
     *     loads add-ins over plain http
     * @throws IllegalArgumentException if the address is not an absolute http(s) URL without
     *     query, fragment or user info
     */
    public static String wpsPublishXml(String baseUrl) {
        String base = normalize(baseUrl, true);
        return template(WPS_PUBLISH_TEMPLATE, BASE_URL).replace(BASE_URL, escapeXml(base));
    }

    private static String template(String path, String... placeholders) {
        String template = new String(read(path), StandardCharsets.UTF_8);
        for (String p : placeholders) {
            if (!template.contains(p)) {
                throw new AddinException("模板 " + CLASSPATH_FOLDER + path + " 缺少占位符 " + p);
            }
        }
        return template;
    }

    /**
     * The add-in's id in the manifest: a name-based UUID of the normalized base URL, so one
     * server always gives the same id and a test server and a live server can be installed side
     * by side in the same Excel.
     */
    static String addinId(String normalizedBaseUrl) {
        return UUID.nameUUIDFromBytes(("huizong-addin " + normalizedBaseUrl)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The checked, normalized base URL: scheme and host lower-case, no trailing slash.
     *
     * @throws IllegalArgumentException naming the bad value and what is wrong with it
     */
    public static String normalizeBaseUrl(String baseUrl) {
        return normalize(baseUrl, false);
    }

    private static String normalize(String baseUrl, boolean allowPlainHttp) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("服务器地址为空：加载项清单需要服务器的 https 地址");
        }
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("服务器地址不是合法的网址：" + baseUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(
                    "服务器地址必须是以 https:// 开头的完整网址：" + baseUrl);
        }
        if (scheme.equals("http") && !allowPlainHttp && !isLoopback(host)) {
            throw new IllegalArgumentException("Office 只加载 https 地址的加载项，服务器地址 "
                    + baseUrl + " 是 http：请按 docs/addin.md 配置证书后使用 https 地址");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "服务器地址不能带查询参数、锚点或用户名：" + baseUrl);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return scheme + "://" + host + port + path;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    /** Every static file, sorted; the templates are not among them. */
    public static List<String> staticFiles() {
        String index = new String(read(INDEX), StandardCharsets.UTF_8);
        return index.lines().map(String::strip).filter(line -> !line.isEmpty()).sorted()
                .toList();
    }

    /** Whether {@code path} names one of the {@link #staticFiles()}; guards against traversal. */
    public static boolean isStaticFile(String path) {
        return path != null && staticFiles().contains(path);
    }

    /**
     * The Content-Type to serve a file with, by its extension;
     * {@code application/octet-stream} for an unknown one.
     */
    public static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /**
     * Opens one of the {@link #staticFiles()}; the caller closes the stream.
     *
     * @throws IllegalArgumentException if {@code path} is not a static file
     */
    public static InputStream open(String path) {
        if (!isStaticFile(path)) {
            throw new IllegalArgumentException("不是加载项的静态文件：" + path);
        }
        return openResource(path);
    }

    private static InputStream openResource(String path) {
        InputStream in = AddinResources.class.getClassLoader()
                .getResourceAsStream(CLASSPATH_FOLDER + path);
        if (in == null) {
            throw new AddinException("类路径中缺少加载项文件 " + CLASSPATH_FOLDER + path);
        }
        return in;
    }

    private static byte[] read(String path) {
        try (InputStream in = openResource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AddinException("读取加载项文件 " + CLASSPATH_FOLDER + path + " 失败", e);
        }
    }

    private static String escapeXml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
