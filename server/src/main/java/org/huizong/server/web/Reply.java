package org.huizong.server.web;

import java.util.Objects;
import java.util.Optional;

/**
 * What a handler answers. Handlers return a reply and {@link Routes} sends it, so a redirect is a
 * value like any other answer, never an exception; {@link HttpProblem} is left for refusals.
 */
public sealed interface Reply {
    /** The content type of an .xlsx download. */
    String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** An HTML page, whole (see {@link PageChrome#page}). */
    record Page(int status, String html) implements Reply {
        public Page {
            Objects.requireNonNull(html, "html");
        }

        /** The same page with another status, such as a form shown again with its error. */
        public Page withStatus(int newStatus) {
            return new Page(newStatus, html);
        }
    }

    /** {@code 303 See Other} to {@code location}, a path on this server. */
    record Redirect(String location) implements Reply {
        public Redirect {
            if (!location.startsWith("/")) {
                throw new IllegalArgumentException("redirect to '" + location
                        + "' is not a path on this server");
            }
        }
    }

    /** An attachment; the file name may be Chinese (sent per RFC 6266 / 5987). */
    record Download(String fileName, String contentType, byte[] bytes) implements Reply {
        public Download {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** A JSON answer of the API: {@code body} as {@link Json#write} writes it. */
    record JsonBody(int status, Object body) implements Reply {
    }

    /**
     * A file served as it is (style sheet, script, the add-in's files and manifest), with its
     * own caching policy when it has one.
     */
    record Content(String contentType, byte[] bytes, Optional<String> cacheControl)
            implements Reply {
        public Content {
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(cacheControl, "cacheControl");
        }
    }

    static Page page(String html) {
        return new Page(200, html);
    }

    static Redirect redirect(String location) {
        return new Redirect(location);
    }

    static Download xlsx(String fileName, byte[] bytes) {
        return new Download(fileName, XLSX, bytes);
    }
}
