package org.huizong.server.web;

import java.util.Collection;
import java.util.Objects;
import java.util.function.Function;

/**
 * Trusted HTML markup. Pages are built only with {@link #of}, whose {@code {}} placeholders
 * HTML-escape every argument that is not itself {@code Html}, so a dynamic value (a school name,
 * a finding message, a file name) can never inject markup.
 */
public final class Html {
    public static final Html EMPTY = new Html("");
    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** Markup written in the code: never pass user input here. */
    public static Html raw(String trusted) {
        return new Html(Objects.requireNonNull(trusted));
    }

    /**
     * Fills {@code {}} placeholders left to right. Arguments of type {@code Html} go in as they
     * are; anything else is converted with {@code String.valueOf} (null as empty) and escaped.
     */
    public static Html of(String template, Object... args) {
        StringBuilder sb = new StringBuilder(template.length() + 64);
        int argIndex = 0;
        int from = 0;
        while (true) {
            int at = template.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            if (argIndex >= args.length) {
                throw new IllegalArgumentException("template has more {} than the "
                        + args.length + " arguments: " + template);
            }
            sb.append(template, from, at);
            Object a = args[argIndex++];
            if (a instanceof Html h) {
                sb.append(h.markup);
            } else {
                sb.append(escape(a == null ? "" : String.valueOf(a)));
            }
            from = at + 2;
        }
        if (argIndex != args.length) {
            throw new IllegalArgumentException("template uses " + argIndex + " of "
                    + args.length + " arguments: " + template);
        }
        sb.append(template, from, template.length());
        return new Html(sb.toString());
    }

    public static <T> Html each(Collection<T> items, Function<T, Html> render) {
        StringBuilder sb = new StringBuilder();
        for (T t : items) {
            sb.append(render.apply(t).markup);
        }
        return new Html(sb.toString());
    }

    public static Html when(boolean condition, Html html) {
        return condition ? html : EMPTY;
    }

    public static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return markup;
    }
}
