package org.huizong.engine.narrative;

import java.util.Objects;

/**
 * One section of a rendered narrative, as a bureau summary writes it: a numbered heading
 * sentence and the sentences that follow it in the same paragraph.
 *
 * @param heading the numbered heading sentence, {@code （二）教育体系持续完善。}
 * @param body the sentences after the heading
 */
public record Paragraph(String heading, String body) {
    public Paragraph {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(body, "body of " + heading);
    }

    /** Heading and body as one paragraph. */
    public String text() {
        return heading + body;
    }
}
