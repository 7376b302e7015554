package org.huizong.engine.narrative;

import java.util.List;
import java.util.Optional;

/**
 * Mends the punctuation of a sentence from which clauses disappeared, the way an editor would:
 * no doubled separators (，，), none before the full stop (；。) and none at the start.
 */
final class Punctuation {
    /** Separators between clauses, weakest first: a run of them keeps its strongest. */
    private static final String SEPARATORS = "、，：；";
    private static final String ENDS = "。！？";

    private Punctuation() {
    }

    static boolean isSeparator(char c) {
        return SEPARATORS.indexOf(c) >= 0;
    }

    /**
     * Joins the parts of a clause. An empty part is a clause that disappeared: the separator
     * after it goes with it, or, when none follows, the separator before it
     * ({@code [a]；[b]。} without b reads {@code a。}).
     */
    static String stitch(List<Optional<String>> parts) {
        StringBuilder out = new StringBuilder();
        boolean dropLeading = false;
        for (int i = 0; i < parts.size(); i++) {
            Optional<String> part = parts.get(i);
            if (part.isPresent()) {
                String s = part.get();
                if (s.isEmpty()) {
                    continue;
                }
                if (dropLeading && isSeparator(s.charAt(0))) {
                    s = s.substring(1);
                }
                dropLeading = false;
                out.append(s);
                continue;
            }
            Optional<String> next = i + 1 < parts.size() ? parts.get(i + 1) : Optional.empty();
            if (next.isPresent() && !next.get().isEmpty() && isSeparator(next.get().charAt(0))) {
                dropLeading = true;
            } else if (out.length() > 0 && isSeparator(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
        }
        return out.toString();
    }

    /**
     * The final clean-up of a whole sentence: a run of separators keeps its strongest
     * (；over ：over ，over 、), and separators at the start, before a full stop or at the end
     * go.
     */
    static String mend(String sentence) {
        StringBuilder out = new StringBuilder(sentence.length());
        char pending = 0;
        for (int i = 0; i < sentence.length(); i++) {
            char c = sentence.charAt(i);
            if (isSeparator(c)) {
                if (pending == 0 || SEPARATORS.indexOf(c) > SEPARATORS.indexOf(pending)) {
                    pending = c;
                }
                continue;
            }
            boolean atStart = out.length() == 0 || ENDS.indexOf(out.charAt(out.length() - 1)) >= 0;
            if (pending != 0 && !atStart && ENDS.indexOf(c) < 0) {
                out.append(pending);
            }
            pending = 0;
            out.append(c);
        }
        return out.toString();
    }
}
