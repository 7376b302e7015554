package org.huizong.server.web;

/** Names the server writes into zips and downloads, made safe from what people typed. */
public final class FileNames {
    /** The longest segment kept, in characters. */
    static final int MAX_SEGMENT = 100;

    private FileNames() {
    }

    /**
     * One path segment from free text (a roster's school name): no separators, no control
     * characters, no characters Windows refuses, no run of dots (never {@code ..}), no leading
     * dot, at most {@link #MAX_SEGMENT} characters; {@code _} for nothing left.
     */
    public static String segment(String text) {
        String s = text == null ? "" : text;
        s = s.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").replaceAll("[/\\\\:*?\"<>|]", "_")
                .replaceAll("\\.{2,}", "_").strip();
        s = s.replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (s.length() > MAX_SEGMENT) {
            s = s.substring(0, MAX_SEGMENT);
        }
        return s.isEmpty() ? "_" : s;
    }
}
