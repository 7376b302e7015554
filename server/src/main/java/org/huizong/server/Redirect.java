package org.huizong.server;

/** Ends a handler with a 303 redirect to {@code location}; {@link Web} sends it. */
final class Redirect extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String location;

    Redirect(String location) {
        super(location, null, false, false);
        this.location = location;
    }

    String location() {
        return location;
    }
}
