package org.huizong.server.web;

import java.util.List;

/**
 * A refused request: the HTTP status and the Chinese message(s) the person (or the add-in) sees.
 * Thrown by handlers and turned into a page or a JSON body by {@link WebApp}.
 */
public final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final List<String> details;

    public HttpProblem(int status, String message) {
        this(status, message, List.of());
    }

    public HttpProblem(int status, String message, List<String> details) {
        super(message);
        this.status = status;
        this.details = List.copyOf(details);
    }

    public int status() {
        return status;
    }

    /** Extra lines, such as one per bad roster row. */
    public List<String> details() {
        return details;
    }

    public static HttpProblem notFound(String what) {
        return new HttpProblem(404, "找不到" + what);
    }
}
