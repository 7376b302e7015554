package org.huizong.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client for tests, speaking to the real server over loopback. */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient client;

    /** A response with its body as text and as bytes. */
    record Response(int status, String body, byte[] bytes, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }

        String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no _csrf field in page: " + body);
            }
            return m.group(1);
        }
    }

    /** One part of a multipart form: a text field or a file. */
    record Part(String name, String fileName, byte[] content) {
        static Part field(String name, String value) {
            return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
        }

        static Part file(String name, String fileName, byte[] content) {
            return new Part(name, fileName, content);
        }
    }

    WebClient(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** GET following redirects within the site. */
    Response open(String path) {
        Response r = get(path);
        for (int i = 0; i < 5 && r.status() / 100 == 3; i++) {
            r = get(r.header("Location"));
        }
        return r;
    }

    Response postForm(String path, Map<String, String> fields) {
        return sendForm("POST", path, fields);
    }

    /** A urlencoded form sent with any method (POST, PUT, PATCH, DELETE). */
    Response sendForm(String method, String path, Map<String, String> fields) {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(sb.toString())));
    }

    Response postMultipart(String path, List<Part> parts) {
        return postMultipart(path, parts, Map.of());
    }

    Response postMultipart(String path, List<Part> parts, Map<String, String> headers) {
        String boundary = "----hz" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Part p : parts) {
                out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                String disp = "Content-Disposition: form-data; name=\"" + p.name() + "\""
                        + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"");
                out.write((disp + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (p.fileName() != null) {
                    out.write("Content-Type: application/octet-stream\r\n"
                            .getBytes(StandardCharsets.UTF_8));
                }
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
                out.write(p.content());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        headers.forEach(b::header);
        return send(b);
    }

    Response postBytes(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        return send(b);
    }

    Response getWithHeaders(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        headers.forEach(b::header);
        return send(b);
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Response send(HttpRequest.Builder b) {
        HttpRequest request = b.timeout(Duration.ofSeconds(120)).build();
        try {
            return exchange(request);
        } catch (IOException e) {
            // A pooled keep-alive connection that the server had already closed (Jetty closes
            // one after refusing an upload it did not read to the end) fails before the server
            // read any byte of this request; a new connection is what a browser would use.
            if (!String.valueOf(e.getMessage()).contains("received no bytes")) {
                throw new UncheckedIOException(e);
            }
            try {
                return exchange(request);
            } catch (IOException again) {
                throw new UncheckedIOException(again);
            }
        }
    }

    private Response exchange(HttpRequest request) throws IOException {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8),
                    r.body(), new LinkedHashMap<>(r.headers().map()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
